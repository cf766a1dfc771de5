using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using NetGen.Samples;
using NetGen.Samples.Data;
using NetGen.Samples.Models;
using NetGen.Samples.Tour;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Sample;

/// <summary>The main sample's pipeline on a small slice of the real data (shipped copy or Debian's).</summary>
public sealed class SamplePipelineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("netgen-sample-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static FashionMnist LoadSlice() => FashionMnist.Load(FashionMnist.Locate(null), trainLimit: 512, testLimit: 512);

    private static FashionNet TrainedModel(FashionMnist data, out Evaluation before, out Evaluation after)
    {
        torch.manual_seed(1);
        var model = new FashionNet();
        before = Trainer.Evaluate(model, data.TrainImages, data.TrainLabels);
        var adam = optim.Adam(model.parameters(), lr: 1e-3);
        var result = Trainer.Train(model, adam, data.TrainImages, data.TrainLabels, epochs: 2, batchSize: 64,
                                   seed: 1, progress: null, CancellationToken.None);
        Assert.False(result.Cancelled);
        after = Trainer.Evaluate(model, data.TrainImages, data.TrainLabels);
        return model;
    }

    [Fact]
    public void Shipped_copy_has_30k_training_and_10k_test_images()
    {
        string dir = FashionMnist.ShippedDirectory;
        var images = IdxReader.Read(Path.Combine(dir, "train-images-idx3-ubyte.gz"), IdxReader.ImagesMagic, limit: 1);
        var labels = IdxReader.Read(Path.Combine(dir, "t10k-labels-idx1-ubyte.gz"), IdxReader.LabelsMagic);
        Assert.Equal([1, 28, 28], images.Dimensions);
        Assert.Equal(10000, labels.Count);
        using var gz = new GZipStream(File.OpenRead(Path.Combine(dir, "train-labels-idx1-ubyte.gz")), CompressionMode.Decompress);
        var header = new byte[8];
        gz.ReadExactly(header);
        Assert.Equal(30000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
    }

    [Fact]
    public void Training_lowers_the_loss_and_the_checkpoint_reloads_to_equal_tensors()
    {
        using var data = LoadSlice();
        Assert.Equal(512, data.TrainImages.shape[0]);
        using var model = TrainedModel(data, out var before, out var after);
        Assert.True(after.Loss < 0.8 * before.Loss, $"loss {before.Loss:F4} -> {after.Loss:F4}");
        Assert.True(after.Accuracy > before.Accuracy, $"accuracy {before.Accuracy:P1} -> {after.Accuracy:P1}");

        string path = Path.Combine(_dir, "sub", "fashionnet.dat");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        model.SaveCheckpoint(path);
        model.SaveCheckpoint(path); // overwrites, atomically
        Assert.Equal(["fashionnet.dat"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));

        torch.manual_seed(99);
        using var reloaded = new FashionNet();
        reloaded.load(path);
        var expected = model.state_dict();
        var actual = reloaded.state_dict();
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (key, tensor) in expected)
            { Assert.Equal(tensor.shape, actual[key].shape); Assert.True(tensor.eq(actual[key]).all().item<bool>(), key); }
    }

    [Fact]
    public void Transfer_copies_the_backbone_bitwise_and_skips_the_head()
    {
        using var data = LoadSlice();
        using var model = TrainedModel(data, out _, out _);
        torch.manual_seed(7);
        using var coarse = new FashionNet(numClasses: 4);
        var headBefore = coarse.fc3.weight!.detach().clone();

        var report = coarse.TransferFrom(model);

        string[] backbone = ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"];
        Assert.Equal(backbone, report.Loaded);
        Assert.Equal(["fc3.weight", "fc3.bias"], report.ShapeMismatched.Select(s => s.Key));
        var from = model.state_dict();
        var to = coarse.state_dict();
        foreach (var key in backbone)
        {
            var a = from[key].data<float>().ToArray().Select(BitConverter.SingleToInt32Bits);
            var b = to[key].data<float>().ToArray().Select(BitConverter.SingleToInt32Bits);
            Assert.True(a.SequenceEqual(b), key);
        }
        Assert.True(coarse.fc3.weight!.eq(headBefore).all().item<bool>());
        Assert.Equal([4L, 128L], coarse.fc3.weight!.shape);

        // The coarse labels follow the documented grouping.
        using var fine = torch.arange(10);
        using var mapped = CoarseGroups.Map(fine);
        Assert.Equal([0L, 1, 0, 0, 0, 2, 0, 2, 3, 2], mapped.data<long>().ToArray());
    }

    [Fact]
    public void Cancelled_tour_writes_no_checkpoint()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        string path = Path.Combine(_dir, "ck", "model.dat");
        var output = new StringWriter();
        var result = FashionTour.Run(new TourOptions { TrainLimit = 256, TestLimit = 256, Output = path }, output, cts.Token);
        Assert.True(result.Cancelled);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)) && Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(path)!).Any());
        Assert.Contains("no checkpoint", output.ToString());
    }

    [Fact]
    public void Help_lists_the_options_and_the_seed_command()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = SampleCli.Run(["--help"], output, error, CancellationToken.None);
        Assert.Equal(0, rc);
        string help = output.ToString();
        foreach (var option in new[] { "--data", "--epochs", "--batch-size", "--train-limit", "--output", "--seed", "seed" })
            Assert.Contains(option, help);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void The_seed_command_prints_the_three_summaries_and_output_shapes()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = SampleCli.Run(["seed"], output, error, CancellationToken.None);
        Assert.Equal(0, rc);
        string text = output.ToString();
        foreach (var expected in new[]
        {
            "Net()", "Total params: 47,841,317", "input [1, 3, 224, 224] -> output [1, 101]",
            "SeedBlock(64, 128, 2)", "Total params: 221,696", "input [1, 64, 56, 56] -> output [1, 128, 28, 28]",
            "ResNet34(101)", "Total params: 47,044,773",
        })
        {
            Assert.Contains(expected, text);
        }

        Assert.Equal(2, text.Split("-> output [1, 101]").Length - 1);
    }

    [Fact]
    public void Truncated_file_throws_DatasetFormatException_naming_the_file()
    {
        string path = Path.Combine(_dir, "train-images-idx3-ubyte.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write([0, 0, 8, 3, 0, 0, 0, 10, 0, 0, 0, 28, 0, 0, 0, 28]);
            gz.Write(new byte[5 * 784]); // 5 of the 10 images announced
        }
        var e = Assert.Throws<DatasetFormatException>(() => IdxReader.Read(path, IdxReader.ImagesMagic));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Wrong_magic_and_corrupt_gzip_throw_DatasetFormatException_naming_the_file()
    {
        string raw = Path.Combine(_dir, "t10k-labels-idx1-ubyte");
        File.WriteAllBytes(raw, [0, 0, 8, 3, 0, 0, 0, 1, 0]);
        var e = Assert.Throws<DatasetFormatException>(() => IdxReader.Read(raw, IdxReader.LabelsMagic));
        Assert.Equal(raw, e.FilePath);
        Assert.Contains("magic", e.Message);

        string garbage = Path.Combine(_dir, "garbage.gz");
        File.WriteAllBytes(garbage, [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var g = Assert.Throws<DatasetFormatException>(() => IdxReader.Read(garbage, IdxReader.LabelsMagic));
        Assert.Equal(garbage, g.FilePath);

        string missing = Path.Combine(_dir, "nope.gz");
        Assert.Contains("not found", Assert.Throws<DatasetFormatException>(() => IdxReader.Read(missing, IdxReader.LabelsMagic)).Message);
    }

    [Fact]
    public void Command_line_reports_a_corrupt_data_directory_with_the_file_name()
    {
        File.WriteAllBytes(Path.Combine(_dir, "train-images-idx3-ubyte"), [0, 0, 8, 1, 0, 0, 0, 1, 7]);
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = SampleCli.Run(["--data", _dir, "--output", Path.Combine(_dir, "m.dat")], output, error, CancellationToken.None);
        Assert.Equal(SampleCli.DataError, rc);
        Assert.Contains(Path.Combine(_dir, "train-images-idx3-ubyte"), error.ToString());
        Assert.Contains("Net: input [1, 3, 224, 224] -> output [1, 101]", output.ToString());
    }
}
