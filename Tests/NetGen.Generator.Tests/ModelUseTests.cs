using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Tests;

/// <summary>
/// <see cref="ModelUse"/> keeps a block type by name, so that a parse kept from one compilation to the next finds the
/// type again in the next one, whatever names the user chose.
/// </summary>
public sealed class ModelUseTests
{
    [Theory]
    [InlineData("namespace @class.\\u0061b { public static class @for { public class Block<T> { } } }", "class.ab.for+Block`1")]
    [InlineData("public class Outer { public class Block { } }", "Outer+Block")]
    [InlineData("namespace A.B { public class Block { } }", "A.B.Block")]
    public void A_type_is_found_again_by_its_name_in_a_new_compilation(string source, string metadataName)
    {
        var first = CSharpCompilation.Create("First", [CSharpSyntaxTree.ParseText(source)]);
        var type = first.GetTypeByMetadataName(metadataName)!;

        var use = Assert.Single(ModelUse.Of([type]));
        var next = CSharpCompilation.Create("Next", [CSharpSyntaxTree.ParseText(source)]);

        Assert.Equal(metadataName, use.MetadataName);
        Assert.Same(next.GetTypeByMetadataName(metadataName), use.InSource(next));
    }
}
