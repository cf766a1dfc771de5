using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Catalogue;
using NetGen.Generator.Tests.Infrastructure;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Generator.Tests.Catalogue;

/// <summary>
/// The catalogue's TorchSharp code, run: for every fixture row PyTorch ran, the factory call the entry writes
/// (and its functional form, for layers without state) is compiled with Roslyn, the module built and run on
/// real TorchSharp, and its output shape and state_dict compared with PyTorch's.
/// </summary>
public class TorchSharpCatalogueTests
{
    private static readonly Lazy<Type> Compiled = new(Compile);

    public static IEnumerable<object[]> RowIds() => CatalogueFixture.Covered.Where(r => r.Output is not null).Select(r => new object[] { r.Id });

    [Theory]
    [MemberData(nameof(RowIds))]
    public void TorchSharp_module_matches_PyTorch(int id)
    {
        var row = CatalogueFixture.Row(id);
        using var scope = NewDisposeScope();
        using var rows = (nn.Module)Activator.CreateInstance(Compiled.Value)!;
        rows.eval();
        var module = (nn.Module)Compiled.Value.GetMethod("Module" + id)!.Invoke(rows, null)!;
        module.eval();
        Assert.Equal(row.Entry.ModuleType, "global::" + module.GetType().FullName);

        var state = module.state_dict().Select(kv => (kv.Key, string.Join("×", kv.Value.shape), kv.Value.dtype.ToString())).ToList();
        Assert.Equal(row.State.Select(s => (s.Name, string.Join("×", s.Shape), s.DType)), state);

        using var input = zeros(new long[] { 2 }.Concat(row.Input).ToArray(), row.Layer == "Embedding" ? int64 : float32);
        using (no_grad())
        {
            var output = (Tensor)Compiled.Value.GetMethod("Call" + id)!.Invoke(rows, new object[] { module, input })!;
            Assert.Equal(new long[] { 2 }.Concat(row.Output!), output.shape);
            if (Compiled.Value.GetMethod("Functional" + id) is { } functional)
            {
                var applied = (Tensor)functional.Invoke(rows, new object[] { input.clone() })!;
                Assert.Equal(output.shape, applied.shape);
            }
        }
    }

    /// <summary>
    /// One class with methods per row: <c>ModuleN()</c> builds the layer, <c>CallN(m, x)</c> runs it as the generated
    /// forward does (the entry's <c>Invoke</c>), <c>FunctionalN(x)</c> applies its functional form.
    /// </summary>
    private static Type Compile()
    {
        var source = new StringBuilder();
        source.AppendLine("#nullable enable");
        source.AppendLine("public sealed class CatalogueRows : global::TorchSharp.torch.nn.Module");
        source.AppendLine("{");
        source.AppendLine("    public CatalogueRows() : base(\"rows\") { }");
        foreach (var row in CatalogueFixture.Covered.Where(r => r.Output is not null))
        {
            var layer = row.ToLayer();
            source.AppendLine($"    public global::TorchSharp.torch.nn.Module Module{row.Id}() => {row.Entry.Construct(layer)};");
            source.AppendLine($"    public global::TorchSharp.torch.Tensor Call{row.Id}(global::TorchSharp.torch.nn.Module m, global::TorchSharp.torch.Tensor x) => {row.Entry.Invoke($"(({row.Entry.ModuleType})m)", "x")};");
            if (!row.Entry.HasState)
            {
                source.AppendLine($"    public global::TorchSharp.torch.Tensor Functional{row.Id}(global::TorchSharp.torch.Tensor x) => {row.Entry.Functional(layer, "x", mayWorkInPlace: true)};");
            }
        }

        source.AppendLine("}");
        var compilation = CSharpCompilation.Create("CatalogueRows",
            new[] { CSharpSyntaxTree.ParseText(source.ToString(), GeneratorHarness.ParseOptions) },
            GeneratorHarness.References, GeneratorHarness.StrictOptions);
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + source);
        return Assembly.Load(stream.ToArray()).GetType("CatalogueRows")!;
    }
}
