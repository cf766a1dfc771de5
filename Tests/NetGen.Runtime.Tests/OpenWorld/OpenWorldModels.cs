using System;
using System.Collections.Generic;
using NetGen.Runtime.Tests.OpenWorld.Models;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>The open-world models under test, each with an input its forward takes.</summary>
public static class OpenWorldModels
{
    public static IEnumerable<object[]> Names() => new[]
    {
        new object[] { nameof(TextClassifier) },
        new object[] { nameof(WrapperNet) },
        new object[] { nameof(ClassTokenNet) },
        new object[] { nameof(TinyUNet) },
        new object[] { nameof(DenseBlock) },
        new object[] { nameof(ShuffleUnit) },
        new object[] { nameof(SqueezeExcite) },
    };

    public static nn.Module<Tensor, Tensor> Create(string name) => name switch
    {
        nameof(TextClassifier) => new TextClassifier(),
        nameof(WrapperNet) => new WrapperNet(),
        nameof(ClassTokenNet) => new ClassTokenNet(),
        nameof(TinyUNet) => new TinyUNet(),
        nameof(DenseBlock) => new DenseBlock(),
        nameof(ShuffleUnit) => new ShuffleUnit(),
        nameof(SqueezeExcite) => new SqueezeExcite(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>A batch of two samples the model takes, drawn from the current seed.</summary>
    public static Tensor Input(string name) => name switch
    {
        nameof(TextClassifier) => randint(0, 1000, new long[] { 2, 7 }),
        nameof(WrapperNet) => randn(2, 16),
        nameof(ClassTokenNet) => randn(2, 5, 8),
        nameof(TinyUNet) => randn(2, 1, 8, 8),
        nameof(DenseBlock) => randn(2, 8, 6, 6),
        nameof(ShuffleUnit) => randn(2, 16, 6, 6),
        nameof(SqueezeExcite) => randn(2, 16, 5, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
