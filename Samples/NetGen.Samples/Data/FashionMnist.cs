using System;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Samples.Data;

/// <summary>Fashion-MNIST as tensors: images <c>[N, 1, 28, 28]</c> float32 (normalised), labels <c>[N]</c> int64.</summary>
public sealed class FashionMnist : IDisposable
{
    public static readonly string[] ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Debian's <c>dataset-fashion-mnist</c> package installs the IDX files here.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The copy shipped with the sample, relative to the program's directory.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist");

    // Fashion-MNIST's training-set pixel mean and standard deviation (of x / 255).
    private const float Mean = 0.2860f, Std = 0.3530f;

    public required Tensor TrainImages { get; init; }
    public required Tensor TrainLabels { get; init; }
    public required Tensor TestImages { get; init; }
    public required Tensor TestLabels { get; init; }
    public required string Directory { get; init; }

    /// <summary>
    /// The data directory: <paramref name="requested"/> when given, else Debian's when it holds the files,
    /// else the shipped copy.
    /// </summary>
    public static string Locate(string? requested)
    {
        if (!string.IsNullOrEmpty(requested)) return requested;
        if (File.Exists(FindFile(DebianDirectory, "train-images-idx3-ubyte"))) return DebianDirectory;
        return ShippedDirectory;
    }

    /// <summary>
    /// The path of IDX file <paramref name="stem"/> in <paramref name="directory"/>: <c>stem.gz</c> when it
    /// exists, else the raw <c>stem</c>, else (for the error message) <c>stem.gz</c>.
    /// </summary>
    public static string FindFile(string directory, string stem)
    {
        string gz = Path.Combine(directory, stem + ".gz"), raw = Path.Combine(directory, stem);
        return File.Exists(gz) ? gz : File.Exists(raw) ? raw : gz;
    }

    /// <summary>Loads the training set (at most <paramref name="trainLimit"/> images, all when ≤ 0) and the test set.</summary>
    public static FashionMnist Load(string directory, int trainLimit = 0, int testLimit = 0)
    {
        var (trainX, trainY) = LoadPair(directory, "train", trainLimit);
        var (testX, testY) = LoadPair(directory, "t10k", testLimit);
        return new FashionMnist
        {
            Directory = directory,
            TrainImages = trainX, TrainLabels = trainY,
            TestImages = testX, TestLabels = testY,
        };
    }

    private static (Tensor images, Tensor labels) LoadPair(string directory, string prefix, int limit)
    {
        string imagesPath = FindFile(directory, $"{prefix}-images-idx3-ubyte");
        string labelsPath = FindFile(directory, $"{prefix}-labels-idx1-ubyte");
        var images = IdxReader.Read(imagesPath, IdxReader.ImagesMagic, limit);
        var labels = IdxReader.Read(labelsPath, IdxReader.LabelsMagic, limit);
        if (images.Dimensions[1] != 28 || images.Dimensions[2] != 28)
            throw new DatasetFormatException(imagesPath,
                $"images are {images.Dimensions[1]}×{images.Dimensions[2]}, expected 28×28");
        if (images.Count != labels.Count)
            throw new DatasetFormatException(labelsPath,
                $"{labels.Count} labels for the {images.Count} images of {Path.GetFileName(imagesPath)}");
        int bad = Array.FindIndex(labels.Data, l => l > 9);
        if (bad >= 0)
            throw new DatasetFormatException(labelsPath, $"label {labels.Data[bad]} at index {bad} is not a class 0–9");

        var x = tensor(images.Data, [images.Count, 1, 28, 28], ScalarType.Byte);
        var xf = x.to_type(ScalarType.Float32).div_(255f).sub_(Mean).div_(Std);
        x.Dispose();
        var y = tensor(labels.Data.Select(b => (long)b).ToArray(), [labels.Count], ScalarType.Int64);
        return (xf, y);
    }

    public void Dispose()
    {
        TrainImages.Dispose(); TrainLabels.Dispose(); TestImages.Dispose(); TestLabels.Dispose();
    }
}
