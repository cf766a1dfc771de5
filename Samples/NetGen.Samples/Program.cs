using System;
using NetGen.Samples;
using static TorchSharp.torch;

// The seed's Net, declared with attributes only (Samples/NetGen.SeedModels/Net.cs): NetGen generated its
// constructor, registration and forward.
using (var scope = NewDisposeScope())
{
    var net = new Net();
    net.eval();
    using var _ = no_grad();
    var output = net.call(randn(1, 3, 224, 224));
    Console.WriteLine($"Net: input [1, 3, 224, 224] -> output [{string.Join(", ", output.shape)}]");
    Console.WriteLine($"Net: {net.state_dict().Count} state-dict entries, first '{string.Join("', '", System.Linq.Enumerable.Take(net.state_dict().Keys, 2))}'");
}
