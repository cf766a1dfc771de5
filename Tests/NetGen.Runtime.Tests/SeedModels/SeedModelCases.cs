using System;
using NetGen.Samples;
using TorchSharp;

namespace NetGen.Runtime.Tests.SeedModels;

/// <summary>The seed's models at the sizes make_fixtures.py used, keyed by fixture name.</summary>
public static class SeedModelCases
{
    public static torch.nn.Module<torch.Tensor, torch.Tensor> Create(string fixture) => fixture switch
    {
        "net" => new Net(),
        "seed_block" => new SeedBlock(64, 128, 2),
        "resnet34" => new ResNet34(101),
        "net32" => new Net(flat: 64 * 6 * 6, numClasses: 10),
        "resnet34_narrow" => new ResNet34(10, 8, 8, 16, 32, 32),
        _ => throw new ArgumentOutOfRangeException(nameof(fixture), fixture, "no such seed model"),
    };
}
