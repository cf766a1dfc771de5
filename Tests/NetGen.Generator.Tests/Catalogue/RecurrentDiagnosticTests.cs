using System.Threading.Tasks;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Catalogue;

/// <summary>A recurrent layer returns a tuple, which TorchSharp's Sequential cannot hold: NetGen says so instead of writing code that does not compile.</summary>
public class RecurrentDiagnosticTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    [Fact]
    public Task An_LSTM_inside_a_Sequential_member_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [4, 5])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [LSTM(5, 7), Linear(7, 2)] public partial Sequential {|NG0011:body|} { get; }
        }
        """);

    [Fact]
    public Task A_GRU_child_of_a_model_that_is_a_Sequential_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [4, 5])]
        [{|NG0004:GRU(5, 7)|}, ReLU]
        public partial class M : Sequential
        {
        }
        """);
}
