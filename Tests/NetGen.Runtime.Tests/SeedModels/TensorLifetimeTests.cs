using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Benchmarks.HandWritten;
using NetGen.Samples;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace NetGen.Runtime.Tests.SeedModels;

/// <summary>
/// The generated <c>forward</c> manages tensor lifetimes (issue 3, build item 6): it leaks nothing (this
/// thread's live-tensor count, <see cref="DisposeScopeManager.Statistics"/>, is the same after 100 forwards as
/// after one), it disposes nothing still needed (repeated forwards give the same values, equal to a reference,
/// and the input and every parameter and buffer stay valid), in train and eval mode, and autograd works
/// through it. The counters are per thread, so tests running in parallel on other threads do not disturb
/// them, and a tensor the GC finalises is still counted here as leaked.
/// </summary>
public sealed class TensorLifetimeTests
{
    private const int Forwards = 100;

    public static TheoryData<string, bool> Cases => new()
    {
        { "resnet34_tiny", false },
        { "resnet34_tiny", true },
        { "net32", false },
        { "net32", true },
    };

    /// <summary>
    /// 100 forwards, each output compared with the reference and disposed. Eval runs under <c>no_grad</c>
    /// (inference); train runs with autograd on, as in training, so each output also holds a graph.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hundred_forwards_leak_nothing_and_give_the_reference_output_every_time(string fixture, bool train)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var model = Create(fixture);
        model.train(train);
        var input = InputFor(fixture);
        Tensor reference;
        using (no_grad())
        {
            reference = Reference(fixture, model, train, input);
        }

        var stats = DisposeScopeManager.Statistics;
        long before = stats.ThreadTotalLiveCount;
        long afterOne = 0;
        using (train ? null : no_grad())
        {
            for (var i = 0; i < Forwards; i++)
            {
                using (var output = model.call(input))
                {
                    if (!output.Equals(reference))
                    {
                        Assert.Fail($"forward {i} differs from the reference: max |diff| {(output - reference).abs().max().item<float>()}");
                    }
                }

                if (i == 0)
                {
                    afterOne = stats.ThreadTotalLiveCount;
                }
            }
        }

        long afterHundred = stats.ThreadTotalLiveCount;
        Assert.Equal(before, afterOne);
        Assert.Equal(afterOne, afterHundred);
        AssertNothingDisposed(model, input);
    }

    [Theory]
    [InlineData("resnet34_tiny")]
    [InlineData("net32")]
    public void Backward_after_a_train_mode_forward_gives_the_reference_gradients_and_leaks_nothing(string fixture)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var model = Create(fixture);
        model.train();
        var input = InputFor(fixture);
        var stats = DisposeScopeManager.Statistics;

        var expected = ReferenceGradients(fixture, model, input);
        model.zero_grad();
        long before = stats.ThreadTotalLiveCount;
        for (var i = 0; i < 10; i++)
        {
            model.zero_grad();
            using var output = model.call(input);
            using var squared = output.square();
            using var loss = squared.sum();
            loss.backward();
        }

        Assert.Equal(before, stats.ThreadTotalLiveCount);
        foreach (var (name, parameter) in model.named_parameters())
        {
            using var grad = parameter.grad;
            Assert.NotNull(grad);
            Assert.True(grad!.allclose(expected[name], rtol: 1e-4, atol: 1e-6), $"{name}: gradient differs from the reference");
            Assert.True(grad.abs().sum().item<float>() > 0, $"{name}: zero gradient");
        }

        AssertNothingDisposed(model, input);
    }

    // The smallest ResNet34 the declaration allows: every stage 4 channels wide, still with a projection
    // shortcut opening each stage. It ends in avg_pool2d(7) over a 7×7 map, so its input needs 193–224 pixels.
    private const int TinyWidth = 4;

    private static nn.Module<Tensor, Tensor> Create(string fixture) => fixture == "resnet34_tiny"
        ? new ResNet34(10, TinyWidth, TinyWidth, TinyWidth, TinyWidth, TinyWidth)
        : SeedModelCases.Create(fixture);

    private static HandWrittenResNet34 HandWrittenTiny() =>
        new(10, TinyWidth, TinyWidth, TinyWidth, TinyWidth, TinyWidth);

    private static Tensor InputFor(string fixture) => fixture switch
    {
        "resnet34_tiny" => randn(1, 3, 224, 224),
        "net32" => randn(1, 3, 32, 32),
        _ => throw new ArgumentOutOfRangeException(nameof(fixture), fixture, "no input for this model"),
    };

    /// <summary>
    /// The output an independent implementation computes from the same weights: the hand-written ResNet34
    /// (Tests/NetGen.Benchmarks) for ResNet34, and Net's layers called one by one for Net.
    /// </summary>
    private static Tensor Reference(string fixture, nn.Module<Tensor, Tensor> model, bool train, Tensor input,
        nn.Module<Tensor, Tensor>? twin = null)
    {
        switch (model)
        {
            case ResNet34 resnet:
            {
                var handWritten = twin ?? HandWrittenTiny();
                if (twin is null)
                {
                    handWritten.load_state_dict(resnet.state_dict());
                }

                handWritten.train(train);
                return handWritten.call(input);
            }

            case Net net:
            {
                var x = net.pool1.call(F.relu(net.conv1.call(input)));
                x = net.pool2.call(F.relu(net.conv2.call(x)));
                x = F.relu(net.fc1.call(x.flatten(1)));
                x = F.relu(net.fc2.call(x));
                return net.fc3.call(x);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(fixture), fixture, "no reference for this model");
        }
    }

    /// <summary>
    /// The gradients of sum(output²) through the reference forward: for Net its layers called one by one on the
    /// model's own parameters (then cleared), for ResNet34 the hand-written twin holding a copy of the weights.
    /// </summary>
    private static Dictionary<string, Tensor> ReferenceGradients(string fixture, nn.Module<Tensor, Tensor> model, Tensor input)
    {
        var owner = model;
        if (model is ResNet34)
        {
            owner = HandWrittenTiny();
            owner.load_state_dict(model.state_dict());
            owner.train();
        }

        Reference(fixture, model, train: true, input, owner).square().sum().backward();
        var gradients = owner.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
        owner.zero_grad();
        return gradients;
    }

    private static void AssertNothingDisposed(nn.Module model, Tensor input)
    {
        Assert.False(input.IsInvalid, "the input was disposed");
        foreach (var (name, tensor) in model.state_dict())
        {
            Assert.False(tensor.IsInvalid, $"{name} was disposed");
        }
    }
}
