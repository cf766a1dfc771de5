using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.AotSample;

/// <summary>
/// The hand-written TorchSharp way: children in fields, registered by TorchSharp's reflection-based
/// <c>RegisterComponents()</c>. Printed next to the generated model to show what NativeAOT does to it.
/// </summary>
public sealed class ReflectionRegisteredNet : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1 = nn.Linear(4, 8);
    private readonly Linear fc2 = nn.Linear(8, 2);

    public ReflectionRegisteredNet() : base(nameof(ReflectionRegisteredNet))
    {
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var hidden = fc1.forward(input);
        return fc2.forward(hidden);
    }
}
