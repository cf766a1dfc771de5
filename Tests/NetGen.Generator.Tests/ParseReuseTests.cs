using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// NetGen keeps a model's parse from one compilation to the next while nothing it reads has changed (issue 14).
/// Each test types edits into a small project of several files, one compilation after another as an IDE makes
/// them, and checks two things: which models were parsed again, and that the warm driver's output (every
/// generated file and diagnostic) equals a cold run on the same text, where nothing can be reused. The edits are
/// the ones a stale parse would get wrong: a block, a constant, a shadowing attribute class, a global using, a
/// hand-written forward in another file.
/// </summary>
public sealed class ParseReuseTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Reuse;

        """;

    private const string Sizes = Usings + """
        public static class Sizes
        {
            public const int Hidden = 32;
        }
        """;

    private const string Block = Usings + """
        [Model(Input = ["c", 8, 8])]
        public partial class Stem : nn.Module<Tensor, Tensor>
        {
            public partial Stem(int c = 3);
            [Conv2d("c", 16, 3, Padding = 1), ReLU] public partial Conv2d conv { get; }
        }
        """;

    private const string User = Usings + """
        [Model(Input = [3, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Block(3)] public partial Stem stem { get; }
            [AdaptiveAvgPool2d(1), Flatten] public partial AdaptiveAvgPool2d pool { get; }
            [Linear(16, Sizes.Hidden)] public partial Linear fc { get; }
        }
        """;

    private const string Alone = Usings + """
        [Model(Input = [16])]
        public partial class Mlp : nn.Module<Tensor, Tensor>
        {
            [Linear(16, 8), ReLU] public partial Linear fc1 { get; }
        }
        """;

    private const string Helpers = Usings + """
        public static class Helpers
        {
            public static int Twice(int x) => 2 * x;
        }
        """;

    /// <summary>The edits the random walks choose from: each one a stale parse would get wrong, some of them undoing others.</summary>
    private static readonly (string File, System.Func<string, string> Edit)[] WalkEdits =
    [
        ("Sizes.cs", t => t.Replace("Hidden = ", "Hidden = 1")),
        ("Stem.cs", t => t.Replace("Conv2d(\"c\", ", "Conv2d(\"c\", 2 * ")),
        ("Stem.cs", t => t.Replace("{\n", "{\n    // typed\n")),
        ("Net.cs", t => t.Replace("[Linear(16, Sizes.Hidden)]", "[Linear(Sizes.Hidden)]")),
        ("Net.cs", t => t.Replace("[Linear(Sizes.Hidden)]", "[Linear(16, Sizes.Hidden)]")),
        ("Mlp.cs", t => t.Replace("Linear(16, ", "Linear(16, 1")),
        ("Helpers.cs", t => t.Replace("2 * x", "x + x")),
        ("Helpers.cs", t => t.Replace("public static int Twice", "public static long Twice")),
    ];

    private static Session NewSession() => new(("Sizes.cs", Sizes), ("Stem.cs", Block), ("Net.cs", User), ("Mlp.cs", Alone), ("Helpers.cs", Helpers));

    [Fact]
    public void An_edit_inside_a_method_body_elsewhere_parses_nothing_again()
    {
        var session = NewSession();

        var parsed = session.Edit("Helpers.cs", text => text.Replace("2 * x", "3 * x"));

        Assert.Empty(parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void A_comment_in_a_model_parses_that_model_alone_again()
    {
        var session = NewSession();

        var parsed = session.Edit("Mlp.cs", text => text.Replace("    [Linear(16, 8), ReLU]", "    // a comment\n    [Linear(16, 8), ReLU]"));

        Assert.Equal(["Mlp"], parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void Editing_a_block_parses_it_and_its_user_again_and_nothing_else()
    {
        var session = NewSession();
        var before = session.GeneratedFor("Net");

        var parsed = session.Edit("Stem.cs", text => text.Replace("[Conv2d(\"c\", 16, 3, Padding = 1), ReLU]", "[Conv2d(\"c\", 24, 3, Padding = 1), ReLU]"));

        Assert.Equal(["Net", "Stem"], parsed);
        session.AssertSameAsColdRun();
        Assert.NotEqual(before, session.GeneratedFor("Net"));
    }

    [Fact]
    public void Editing_a_constant_in_another_file_parses_the_model_that_uses_it_again()
    {
        var session = NewSession();
        var before = session.GeneratedFor("Net");

        var parsed = session.Edit("Sizes.cs", text => text.Replace("Hidden = 32", "Hidden = 48"));

        Assert.Equal(["Net"], parsed);
        session.AssertSameAsColdRun();
        Assert.NotEqual(before, session.GeneratedFor("Net"));
    }

    [Fact]
    public void A_constant_reached_through_using_static_is_followed_too()
    {
        var session = NewSession();
        session.Edit("Net.cs", text => text.Replace("using NetGen;", "using NetGen;\nusing static Reuse.Sizes;").Replace("Sizes.Hidden", "Hidden"));
        var before = session.GeneratedFor("Net");

        var parsed = session.Edit("Sizes.cs", text => text.Replace("Hidden = 32", "Hidden = 40"));

        Assert.Contains("Net", parsed);
        session.AssertSameAsColdRun();
        Assert.NotEqual(before, session.GeneratedFor("Net"));
    }

    [Fact]
    public void A_class_that_shadows_an_attribute_is_seen_by_every_model_that_writes_it()
    {
        var session = NewSession();

        var parsed = session.Edit("Helpers.cs", text => text + "\npublic sealed class LinearAttribute : System.Attribute { public LinearAttribute(int a, int b) { } }\n");

        Assert.Contains("Net", parsed);
        Assert.Contains("Mlp", parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void A_global_using_parses_every_model_again()
    {
        var session = NewSession();

        var parsed = session.Edit("Helpers.cs", text => "global using System.Linq;\n" + text);

        Assert.Equal(["Mlp", "Net", "Stem"], parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void A_hand_written_forward_in_another_partial_file_is_read_again_when_it_changes()
    {
        var session = NewSession();
        session.Add("Head.cs", Usings + """
            [Model(Input = [16])]
            public partial class Head : nn.Module<Tensor, Tensor>
            {
                [Linear(16, 8)] public partial Linear fc { get; }
                [Linear(8, 4)] public partial Linear out_ { get; }
            }
            """);
        session.Add("Head.Forward.cs", Usings + """
            public partial class Head
            {
                public override Tensor forward(Tensor x) => out_.call(fc.call(x));
            }
            """);
        var before = session.GeneratedFor("Head");

        var parsed = session.Edit("Head.Forward.cs", text => text.Replace("out_.call(fc.call(x))", "fc.call(x)"));

        Assert.Equal(["Head"], parsed);
        session.AssertSameAsColdRun();
        Assert.NotEqual(before, session.GeneratedFor("Head"));
    }

    [Fact]
    public void A_block_that_changes_through_its_own_base_class_in_a_third_file_is_seen()
    {
        var session = NewSession();
        session.Add("Base.cs", Usings + "public class Width { public const int Of = 16; }");
        session.Edit("Stem.cs", text => text.Replace("[Conv2d(\"c\", 16, 3, Padding = 1), ReLU]", "[Conv2d(\"c\", Width.Of, 3, Padding = 1), ReLU]"));
        var before = session.GeneratedFor("Net");

        var parsed = session.Edit("Base.cs", text => text.Replace("Of = 16", "Of = 20"));

        Assert.Equal(["Net", "Stem"], parsed);
        session.AssertSameAsColdRun();
        Assert.NotEqual(before, session.GeneratedFor("Net"));
    }

    [Fact]
    public void A_directive_in_a_block_counts_for_every_declaration_after_it()
    {
        var session = NewSession();

        // #nullable is trivia, but it changes how the declarations after it read, so the block's users read it again.
        var parsed = session.Edit("Stem.cs", text => text.Replace("    [Conv2d(", "#nullable disable\n    [Conv2d("));

        Assert.Equal(["Net", "Stem"], parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void Removing_the_file_of_a_block_parses_its_user_again()
    {
        var session = NewSession();

        var parsed = session.Remove("Stem.cs");

        Assert.Equal(["Net"], parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void A_new_reference_set_parses_every_model_again()
    {
        var session = NewSession();

        var parsed = session.Change(c => c.WithReferences(c.References.Reverse()));

        Assert.Equal(["Mlp", "Net", "Stem"], parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void A_random_walk_of_edits_always_matches_a_cold_run()
    {
        var session = NewSession();
        var random = new System.Random(14);
        for (var step = 0; step < 40; step++)
        {
            var (file, edit) = WalkEdits[random.Next(WalkEdits.Length)];
            session.Edit(file, edit, allowNoChange: true);
            session.AssertSameAsColdRun();
        }
    }

    [Fact]
    public void The_next_build_of_the_same_text_parses_nothing_again()
    {
        var session = NewSession();

        Assert.Empty(session.Build());
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void The_next_build_after_an_edit_to_a_block_parses_it_and_its_user_again()
    {
        var session = NewSession();

        var parsed = session.Build(edit: (path, text) => path == "Stem.cs" ? text.Replace("Conv2d(\"c\", 16, 3", "Conv2d(\"c\", 16, 5") : text);

        Assert.Equal(["Net", "Stem"], parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void A_build_with_other_preprocessor_symbols_parses_every_model_again()
    {
        var session = NewSession();

        var parsed = session.Build(options: GeneratorHarness.ParseOptions.WithPreprocessorSymbols("WIDE"));

        Assert.Equal(["Mlp", "Net", "Stem"], parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void A_build_that_reads_the_same_files_through_new_reference_objects_parses_nothing_again()
    {
        var session = NewSession();

        // What the compiler server does: a new reference object per build, over the metadata it loaded once.
        var parsed = session.Build(references: GeneratorHarness.References.Select(r => r is PortableExecutableReference file ? file.WithAliases(["again"]).WithAliases([]) : r));

        Assert.Empty(parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void A_build_against_a_reference_loaded_again_parses_every_model_again()
    {
        var session = NewSession();

        // The same bytes loaded again, as after a rebuilt dependency: NetGen cannot tell it reads the same, so it reads again.
        var torch = GeneratorHarness.References.OfType<PortableExecutableReference>().Single(r => r.FilePath?.EndsWith("TorchSharp.dll", System.StringComparison.Ordinal) == true);
        var parsed = session.Build(references: GeneratorHarness.References.Select(r => r == torch ? MetadataReference.CreateFromFile(torch.FilePath!) : r));

        Assert.Equal(["Mlp", "Net", "Stem"], parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void A_build_whose_options_hold_new_resolvers_that_cannot_be_compared_parses_nothing_again()
    {
        var session = NewSession();

        // The compiler makes a reference resolver per build, and its Equals throws; it decides how #r finds a file, nothing more.
        var parsed = session.Build(compilationOptions: GeneratorHarness.StrictOptions.WithMetadataReferenceResolver(new UncomparableResolver()));

        Assert.Empty(parsed);
        session.AssertSameAsColdRun();
    }

    [Fact]
    public void A_build_with_other_compilation_options_parses_every_model_again()
    {
        var session = NewSession();

        var parsed = session.Build(compilationOptions: GeneratorHarness.StrictOptions.WithOverflowChecks(true));

        Assert.Equal(["Mlp", "Net", "Stem"], parsed);
        session.AssertSameAsColdRun();
    }

    /// <summary>As the compiler's own: a resolver that cannot be compared.</summary>
    private sealed class UncomparableResolver : MetadataReferenceResolver
    {
        public override bool Equals(object? other) => throw new System.NotImplementedException();

        public override int GetHashCode() => throw new System.NotImplementedException();

        public override System.Collections.Immutable.ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) => [];
    }

    [Fact]
    public void A_random_walk_of_builds_always_matches_a_cold_run()
    {
        var session = NewSession();
        var random = new System.Random(28);
        for (var step = 0; step < 30; step++)
        {
            // A keystroke or two, then a build, as a user types and builds.
            var (file, edit) = WalkEdits[random.Next(WalkEdits.Length)];
            if (random.Next(2) == 0)
            {
                session.Edit(file, edit, allowNoChange: true);
            }
            else
            {
                session.Build(edit: (path, text) => path == file ? edit(text) : text);
            }

            session.AssertSameAsColdRun();
        }
    }

    [Fact]
    public void A_long_session_keeps_no_earlier_version_of_an_edited_file_alive()
    {
        var session = NewSession();
        var first = session.WeakFile("Sizes.cs");

        for (var i = 0; i < 20; i++)
        {
            session.Edit("Sizes.cs", text => i % 2 == 0 ? text.Replace("Hidden = 32", "Hidden = 33") : text.Replace("Hidden = 33", "Hidden = 32"));
        }

        System.GC.Collect();
        System.GC.WaitForPendingFinalizers();
        System.GC.Collect();
        Assert.False(first.TryGetTarget(out _), "what NetGen keeps from one compilation to the next holds the first version of an edited file");
    }

    /// <summary>An IDE's view of the project: the compilation after the last keystroke and the driver that ran on it.</summary>
    private sealed class Session
    {
        private CSharpCompilation _compilation;
        private GeneratorDriver _driver;

        public Session(params (string Path, string Text)[] files)
        {
            _compilation = CSharpCompilation.Create("ReuseTests", files.Select(f => Parse(f.Text, f.Path)), GeneratorHarness.References, GeneratorHarness.StrictOptions);
            _driver = GeneratorHarness.CreateDriver(trackSteps: false).RunGenerators(_compilation);
        }

        public List<string> Edit(string path, System.Func<string, string> edit, bool allowNoChange = false)
        {
            var tree = _compilation.SyntaxTrees.Single(t => t.FilePath == path);
            var text = tree.GetText().ToString();
            var changed = edit(text);
            if (!allowNoChange)
            {
                Assert.NotEqual(text, changed);
            }

            return Change(c => c.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(changed))));
        }

        public List<string> Add(string path, string text) => Change(c => c.AddSyntaxTrees(Parse(text, path)));

        public List<string> Remove(string path) => Change(c => c.RemoveSyntaxTrees(c.SyntaxTrees.Single(t => t.FilePath == path)));

        /// <summary>One keystroke: the new compilation and a run of the last driver on it; the models parsed again, sorted.</summary>
        public List<string> Change(System.Func<CSharpCompilation, CSharpCompilation> change)
        {
            var next = change(_compilation);
            var parsed = Reparses.During(next, () => _driver = _driver.RunGenerators(next));
            _compilation = next;
            return parsed;
        }

        /// <summary>
        /// The next command-line build: every file parsed again from its text (with <paramref name="options"/> where given),
        /// the references given or the same, and a new driver, as the compiler server makes one per build; the models parsed again.
        /// </summary>
        public List<string> Build(CSharpParseOptions? options = null, IEnumerable<MetadataReference>? references = null, System.Func<string, string, string>? edit = null,
            CSharpCompilationOptions? compilationOptions = null)
        {
            var next = CSharpCompilation.Create(_compilation.AssemblyName,
                _compilation.SyntaxTrees.Select(t => Parse(edit is null ? t.GetText().ToString() : edit(t.FilePath, t.GetText().ToString()), t.FilePath, options ?? (CSharpParseOptions)t.Options)),
                references ?? _compilation.References, compilationOptions ?? _compilation.Options);
            var parsed = Reparses.During(next, () => _driver = GeneratorHarness.CreateDriver(trackSteps: false).RunGenerators(next));
            _compilation = next;
            return parsed;
        }

        /// <summary>The file as it is now, held weakly, from a frame of its own so that no local keeps it.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public System.WeakReference<SyntaxTree> WeakFile(string path) => new(_compilation.SyntaxTrees.Single(t => t.FilePath == path));

        public string GeneratedFor(string model) =>
            _driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains("Reuse." + model + ".", System.StringComparison.Ordinal)).ToString();

        /// <summary>Every generated file and generator diagnostic equals those of a cold run on the same text.</summary>
        public void AssertSameAsColdRun()
        {
            // New syntax trees from the same text, and nothing kept from earlier builds: nothing NetGen read before is reused.
            var cold = CSharpCompilation.Create(_compilation.AssemblyName, _compilation.SyntaxTrees.Select(t => Parse(t.GetText().ToString(), t.FilePath, (CSharpParseOptions)t.Options)),
                _compilation.References, _compilation.Options);
            GeneratorDriverRunResult expected;
            using (NothingKept.Scope())
            {
                expected = GeneratorHarness.CreateDriver(trackSteps: false).RunGenerators(cold).GetRunResult();
            }

            var actual = _driver.GetRunResult();
            Assert.Equal(Describe(expected), Describe(actual));
        }

        private static List<string> Describe(GeneratorDriverRunResult result) =>
            result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName + "\n" + s.SourceText)
                .Concat(result.Diagnostics.Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + d.Location.GetLineSpan()))
                .Order(System.StringComparer.Ordinal)
                .ToList();

        private static SyntaxTree Parse(string text, string path, CSharpParseOptions? options = null) => CSharpSyntaxTree.ParseText(text, options ?? GeneratorHarness.ParseOptions, path: path);
    }
}
