using System;
using System.Linq;
using NetGen.AotSample;
using TorchSharp;

// Prints what Tests/NetGen.Package.Tests/AotPublishTests checks: the forward pass's output shape and
// every state-dict key with its shape. Run with the JIT (`dotnet run`) it prints the same, except that
// the reflection-registered model then has its 4 keys.
torch.manual_seed(0);
var model = new AotNet();
model.eval();
using (var input = torch.randn(2, 1, 28, 28))
using (var output = model.forward(input))
{
    Console.WriteLine($"output: [{string.Join(", ", output.shape)}]");
}

var stateDict = model.state_dict();
Console.WriteLine($"state_dict: {stateDict.Count} keys");
foreach (var (key, value) in stateDict)
{
    Console.WriteLine($"  {key} [{string.Join(", ", value.shape)}]");
}

var handWritten = new ReflectionRegisteredNet();
Console.WriteLine($"reflection-registered state_dict: {handWritten.state_dict().Count} keys"
                  + $" ({string.Join(", ", handWritten.state_dict().Keys.DefaultIfEmpty("none"))})");
