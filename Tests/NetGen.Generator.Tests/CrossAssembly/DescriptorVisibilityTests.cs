using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Descriptors;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.CrossAssembly;

/// <summary>
/// Which models a library describes to other assemblies: every model an assembly-level <c>typeof</c> can
/// name (public, internal, protected internal, nested or generic), and no other, since a private or protected
/// nested type there does not compile (CS0122) and a file-local type cannot be named at all.
/// </summary>
public sealed class DescriptorVisibilityTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Blocks;

        """;

    /// <summary>One small model body, so a name is all that differs.</summary>
    private static string Model(string declaration) => $$"""
            [Model(Input = [3, 8, 8])]
            {{declaration}} : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, 8, 3)] public partial Conv2d conv { get; }
            }
        """;

    private static readonly string Library = Usings + $$"""
        {{Model("public partial class Plain")}}
        {{Model("internal partial class Hidden")}}
        {{Model("public partial class Box<T>")}}
        {{Model("public partial class Pair<TLeft, TRight>")}}
        public partial class Outer
        {
        {{Model("public partial class Inner")}}
        {{Model("protected internal partial class ForFriends")}}
        {{Model("internal partial class Internal")}}
        {{Model("private partial class Private")}}
        {{Model("protected partial class Protected")}}
        {{Model("private protected partial class PrivateProtected")}}
        }
        internal partial class InternalOuter
        {
        {{Model("public partial class Inner")}}
        }
        public partial class Generic<T>
        {
        {{Model("public partial class Inner")}}
        {{Model("public partial class Box<U>")}}
        }
        public partial class Hider
        {
            private partial class Middle
            {
        {{Model("public partial class Inner")}}
            }
        }
        """;

    [Fact]
    public void Every_model_an_assembly_attribute_can_name_is_described_and_no_other()
    {
        var run = TwoAssemblies.LibraryRun(Library);
        var consumer = TwoAssemblies.Compile("Consumer", "Consumer", ["namespace App; public static class Empty { }"],
            GeneratorHarness.References.Add(TwoAssemblies.Emit(run.Output)));

        var described = ReferencedModels.Read(consumer, CancellationToken.None);

        Assert.Empty(described.Unreadable);
        Assert.Equal(
            new[]
            {
                "global::Blocks.Box<T>",
                "global::Blocks.Generic<T>.Box<U>",
                "global::Blocks.Generic<T>.Inner",
                "global::Blocks.Hidden",
                "global::Blocks.InternalOuter.Inner",
                "global::Blocks.Outer.ForFriends",
                "global::Blocks.Outer.Inner",
                "global::Blocks.Outer.Internal",
                "global::Blocks.Pair<TLeft, TRight>",
                "global::Blocks.Plain",
            },
            described.Models.Select(m => m.FullyQualifiedName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Private")]
    [InlineData("Protected")]
    [InlineData("PrivateProtected")]
    public void A_model_nested_out_of_the_assemblys_sight_gets_no_descriptor(string name)
    {
        var run = TwoAssemblies.LibraryRun(Library);
        Assert.DoesNotContain("ModelDescriptor", run.Generated($"Blocks.Outer+{name}.g.cs"));
    }

    [Fact]
    public void A_public_model_inside_a_private_class_gets_no_descriptor()
    {
        var run = TwoAssemblies.LibraryRun(Library);
        Assert.DoesNotContain("ModelDescriptor", run.Generated("Blocks.Hider+Middle+Inner.g.cs"));
    }

    /// <summary>A file-local model cannot be named outside its file, nor have a generated half: NG0021, and no file with a descriptor.</summary>
    [Fact]
    public void A_file_local_model_gets_no_descriptor()
    {
        var run = GeneratorHarness.Run(TwoAssemblies.Compile(TwoAssemblies.LibraryName, "Library", [Usings + Model("file partial class Local")], GeneratorHarness.References));

        Assert.Empty(run.GeneratedSources);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "NG0021");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id is "CS0122" or "CS8785");
    }

    [Fact]
    public void The_descriptor_of_a_generic_or_nested_model_names_its_open_type()
    {
        var run = TwoAssemblies.LibraryRun(Library);

        Assert.Contains("[assembly: global::NetGen.ModelDescriptor(typeof(global::Blocks.Pair<,>), ", run.Generated("Blocks.Pair`2.g.cs"));
        Assert.Contains("[assembly: global::NetGen.ModelDescriptor(typeof(global::Blocks.Generic<>.Box<>), ", run.Generated("Blocks.Generic`1+Box`1.g.cs"));
        Assert.Contains("[assembly: global::NetGen.ModelDescriptor(typeof(global::Blocks.Outer.ForFriends), ", run.Generated("Blocks.Outer+ForFriends.g.cs"));
    }

    /// <summary>
    /// A consumer of nested and generic library models gets what it gets with them in its own project: a
    /// nested block is checked (here its 3 input channels against the 1 that arrives: NG0107), and a use of a
    /// generic model is, in both places alike, opaque (NetGen does not bind a generic block's type arguments).
    /// </summary>
    [Fact]
    public void Nested_and_generic_library_models_are_used_as_in_one_project()
    {
        const string consumer = """
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace App;

            [Model(Input = [1, 8, 8])]
            public partial class UsesNested : nn.Module<Tensor, Tensor>
            {
                [Block] public partial Blocks.Outer.Inner inner { get; }
            }

            [Model(Input = [3, 8, 8])]
            public partial class UsesGeneric : nn.Module<Tensor, Tensor>
            {
                [Block] public partial Blocks.Box<int> box { get; }
                [Block] public partial Blocks.Generic<int>.Inner inner { get; }
            }
            """;
        var across = TwoAssemblies.Consumer(TwoAssemblies.Library(Library), consumer);
        var within = TwoAssemblies.OneProject([Library], [consumer]);

        Assert.Equal(TwoAssemblies.ConsumerDiagnostics(within), TwoAssemblies.ConsumerDiagnostics(across));
        Assert.Contains(TwoAssemblies.ConsumerDiagnostics(across), d => d.StartsWith("NG0107 Error", StringComparison.Ordinal) && d.Contains("inner.conv expects 3 input channels but receives 1", StringComparison.Ordinal));
        Assert.Equal(within.Generated("App.UsesGeneric.g.cs"), across.Generated("App.UsesGeneric.g.cs"));
        Assert.Equal(within.Generated("App.UsesNested.g.cs"), across.Generated("App.UsesNested.g.cs"));
    }
}
