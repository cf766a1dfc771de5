using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Hardening;

/// <summary>
/// Issue 15, case 7: shape arithmetic wrapped around 64 bits. Sizes are now exact or refused: a tensor (a
/// sample or a parameter) of more than 2^63 − 1 elements is an NG error on its declaration, a count that
/// does not fit is unknown (-1) rather than negative, and NetGen never fails with NG0099.
/// </summary>
public sealed class OverflowTests
{
    private static readonly BigInteger Max = long.MaxValue;

    private static readonly long[] Sizes = { 1, 3, 10, 65_536, int.MaxValue, 1L << 40, 1L << 62, long.MaxValue };

    /// <summary>One model: <c>Input = dims</c>, then <c>[Flatten, Linear(out1)]</c> and <c>[Linear(out2)]</c>, in_features inferred or written.</summary>
    private sealed record Case(long[] Input, long Out1, long Out2, bool WriteInFeatures)
    {
        public BigInteger Sample => Input.Aggregate(BigInteger.One, (p, d) => p * d);

        /// <summary>What PyTorch would hold: the parameters of each Linear (weight and bias) and the layers' mult-adds.</summary>
        public (BigInteger Weight, BigInteger Parameters, BigInteger MultAdds)[] Layers => new[]
        {
            ((BigInteger)Out1 * Sample, (BigInteger)Out1 * Sample + Out1, (BigInteger)Out1 * Sample),
            ((BigInteger)Out2 * Out1, (BigInteger)Out2 * Out1 + Out2, (BigInteger)Out2 * Out1),
        };

        /// <summary>Whether some tensor has more elements than a tensor can hold, which must be an NG error.</summary>
        public bool Overflows => Sample > Max || Layers.Any(l => l.Weight > Max);

        public string Declare(string name) =>
            $"[Model(Input = [{string.Join(", ", Input.Select(Literal))}])]\n"
            + $"public partial class {name} : nn.Module<Tensor, Tensor>\n{{\n"
            + $"    [Flatten, Linear({(WriteInFeatures && Sample <= Max ? Literal((long)Sample) + ", " : "")}{Literal(Out1)})] public partial Linear a {{ get; }}\n"
            + $"    [Linear({Literal(Out2)})] public partial Linear b {{ get; }}\n}}\n";

        public override string ToString() => $"Input = [{string.Join(", ", Input)}], Linear({(WriteInFeatures ? "in, " : "")}{Out1}), Linear({Out2})";

        private static string Literal(long value) => value > int.MaxValue ? value + "L" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.OneOf(Sizes).Array[1, 3], Gen.OneOf(Sizes), Gen.OneOf(Sizes), Gen.Bool, (input, out1, out2, write) => new Case(input, out1, out2, write));

    /// <summary>The issue's own examples first, then 150 random combinations of sizes (a fixed seed), all in one compilation.</summary>
    [Fact]
    public void Overflowing_sizes_are_refused_and_fitting_ones_summarised_without_wrapping()
    {
        var cases = new List<Case>
        {
            new(new long[] { int.MaxValue, int.MaxValue, int.MaxValue }, 10, 10, false),
            new(new long[] { int.MaxValue, int.MaxValue }, 10, 10, false),
            new(new long[] { int.MaxValue }, int.MaxValue, int.MaxValue, true),
        };
        var pcg = new PCG(1, 20_240_615);
        cases.AddRange(Enumerable.Range(0, 150).Select(_ => Cases.Generate(pcg, null, out var _)));
        var source = new StringBuilder();
        for (var i = 0; i < cases.Count; i++)
        {
            source.Append(cases[i].Declare("O" + i));
        }

        var run = Declarations.Run(source.ToString());

        Assert.Empty(Declarations.Crashes(run));
        Assert.Empty(Declarations.GeneratedCodeProblems(run));
        var errorsByModel = Declarations.NgErrors(run).GroupBy(d => Model(run, d) ?? "").ToDictionary(g => g.Key, g => g.ToList());
        var problems = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var @case = cases[i];
            var errors = errorsByModel.TryGetValue("O" + i, out var found) ? found : new List<Diagnostic>();
            if (@case.Overflows)
            {
                if (!errors.Any(e => e.Id is "NG0006" or "NG0108"))
                {
                    problems.Add($"O{i} overflows but got {(errors.Count == 0 ? "no error" : string.Join(", ", errors.Select(e => e.Id)))}: {@case}");
                }

                continue;
            }

            if (errors.Count > 0)
            {
                problems.Add($"O{i} fits but got {errors[0]}: {@case}");
                continue;
            }

            var summary = Declarations.Summary(run, "O" + i);
            var layers = @case.Layers;
            Expect(problems, i, "a parameters", summary.Rows[0].Parameters, layers[0].Parameters);
            Expect(problems, i, "b parameters", summary.Rows[1].Parameters, layers[1].Parameters);
            Expect(problems, i, "a mult-adds", summary.Rows[0].MultAdds, layers[0].MultAdds);
            Expect(problems, i, "total parameters", summary.TotalParameters,
                summary.Rows.Any(r => r.Parameters < 0) ? -1 : layers[0].Parameters + layers[1].Parameters);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The accepted models' generated code compiles with the exact sizes.
        Assert.Empty(run.CompilationErrors.Where(d => Model(run, d) is { } m && !errorsByModel.ContainsKey(m)));
        Assert.Contains(cases, c => c.Overflows);
        Assert.Contains(cases, c => !c.Overflows && c.Layers.Any(l => l.Parameters > Max));
    }

    /// <summary>A count is exact when it fits in 64 bits and unknown (-1) when not; never wrapped.</summary>
    private static void Expect(List<string> problems, int model, string what, long actual, BigInteger exact)
    {
        var expected = exact > Max || exact < 0 ? -1 : (long)exact;
        if (actual != expected)
        {
            problems.Add($"O{model}: {what} is {actual}, expected {expected} (exactly {exact})");
        }
    }

    private static string? Model(GeneratorRun run, Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            return null;
        }

        var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan);
        return node.AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().LastOrDefault()?.Identifier.ValueText;
    }

    [Fact]
    public Task An_input_of_more_elements_than_a_tensor_holds_is_refused_on_the_input() => GeneratorDiagnosticTest.VerifyAsync(Declarations.Usings + """
        [Model({|NG0006:Input = [int.MaxValue, int.MaxValue, int.MaxValue]|})]
        public partial class O : nn.Module<Tensor, Tensor>
        {
            [Flatten, Linear(10)] public partial Linear fc { get; }
        }
        """);

    [Fact]
    public Task A_flattened_size_whose_weight_overflows_is_refused_on_the_linear() => GeneratorDiagnosticTest.VerifyAsync(Declarations.Usings + """
        [Model(Input = [int.MaxValue, int.MaxValue])]
        public partial class O : nn.Module<Tensor, Tensor>
        {
            [Flatten, {|NG0108:Linear(10)|}] public partial Linear fc { get; }
        }
        """);

    [Fact]
    public Task A_concatenation_that_overflows_is_refused_on_the_branches() => GeneratorDiagnosticTest.VerifyAsync(Declarations.Usings + """
        [Model(Input = [4611686018427387904L])]
        public partial class O : nn.Module<Tensor, Tensor>
        {
            [Branch(Dim = 1), ReLU] public partial ReLU a { get; }
            [Branch(Dim = 1), Sigmoid] public partial Sigmoid {|NG0108:b|} { get; }
        }
        """);

    [Fact]
    public Task A_convolution_whose_output_overflows_is_refused_on_the_layer() => GeneratorDiagnosticTest.VerifyAsync(Declarations.Usings + """
        [Model(Input = [3, 1024, 1024])]
        public partial class O : nn.Module<Tensor, Tensor>
        {
            [{|NG0108:Conv2d(3, 4611686018427387904L, 1)|}] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public void A_parameter_of_more_elements_than_a_tensor_holds_is_refused()
    {
        var run = Declarations.Run("""
            [Model]
            public partial class O : nn.Module<Tensor, Tensor>
            {
                [Parameter(int.MaxValue, int.MaxValue, int.MaxValue)] public partial Parameter p { get; }
                public override Tensor forward(Tensor x) => x * p;
            }
            """);

        var error = Assert.Single(Declarations.AssertRefusedCleanly(run));
        Assert.Equal(("NG0108", "p"), (error.Id, Declarations.SpanText(error)));
    }

    [Fact]
    public void Numbers_without_a_csharp_literal_are_written_so_the_generated_code_compiles()
    {
        var run = Declarations.Run("""
            [Model(Input = [3])] public partial class Odd : nn.Module<Tensor, Tensor>
            {
                [LeakyReLU(double.PositiveInfinity)] public partial LeakyReLU a { get; }
                [Linear(3, 3), LeakyReLU(double.NegativeInfinity)] public partial Linear b { get; }
                [Linear(3, 3), Init(InitKind.Constant, Value = double.PositiveInfinity)] public partial Linear c { get; }
            }
            """);

        Declarations.AssertAccepted(run);
        Assert.Contains("double.PositiveInfinity", Declarations.GeneratedText(run, "Odd"));
    }

    [Fact]
    public Task A_dropout_probability_of_NaN_is_refused() => GeneratorDiagnosticTest.VerifyAsync(Declarations.Usings + """
        [Model(Input = [3])] public partial class O : nn.Module<Tensor, Tensor>
        {
            [Linear(3, 3), Dropout({|NG0006:double.NaN|})] public partial Linear a { get; }
        }
        """);

    [Fact]
    public void Three_linears_of_int_max_sizes_are_accepted_with_an_unknown_total_and_no_negative_count()
    {
        var run = Declarations.Run("""
            [Model(Input = [int.MaxValue])]
            public partial class O3 : nn.Module<Tensor, Tensor>
            {
                [Linear(int.MaxValue, int.MaxValue)] public partial Linear a { get; }
                [Linear(int.MaxValue, int.MaxValue)] public partial Linear b { get; }
                [Linear(int.MaxValue, int.MaxValue)] public partial Linear c { get; }
            }
            """);

        Declarations.AssertAccepted(run);
        var summary = Declarations.Summary(run, "O3");
        var each = (long)int.MaxValue * int.MaxValue + int.MaxValue;
        Assert.All(summary.Rows, r => Assert.Equal(each, r.Parameters));
        Assert.Equal(-1, summary.TotalParameters);
        Assert.All(summary.Rows, r => Assert.Equal((long)int.MaxValue * int.MaxValue, r.MultAdds));
        Assert.Equal(-1, summary.TotalMultAdds);
    }
}
