using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Analysis;
using NetGen.Generator.Descriptors;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.CrossAssembly;

/// <summary>
/// Every model of the repository's samples and runtime tests (and a few corners no sample reaches), written to a descriptor and read back, is the
/// model again, less what a descriptor leaves out on purpose: source locations, init rules (a block applies
/// its own at run time) and what only its own generated partial needs.
/// </summary>
public sealed class DescriptorRoundTripTests
{
    private static readonly Lazy<IReadOnlyList<(ModelSpec Parsed, ModelSpec Analyzed)>> Models = new(ParseRepositoryModels);

    /// <summary>
    /// What no sample declares but a descriptor must carry too: modules and a Parameter in fields, a generic
    /// model nested in a generic type, a model in the global namespace, <c>params</c> and text arguments.
    /// </summary>
    private const string FormatCorners = """
        using NetGen;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Model(Input = [4])]
        public partial class GlobalFields : nn.Module<Tensor, Tensor>
        {
            private static readonly double Rate = 0.1;
            private readonly Linear proj = nn.Linear(4, 4);
            private readonly Parameter scale = new Parameter(torch.ones(4));
            // Not a constant, so the initializer is not read: the field is known by its type alone.
            private readonly Dropout drop = nn.Dropout(Rate);

            [Linear(4, 2)] public partial Linear head { get; }
        }

        namespace Corners
        {
            public partial class Outer<TOuter>
            {
                [Model(Input = ["channels", 8, 8])]
                public partial class Inner<TInner> : nn.Module<Tensor, Tensor>
                {
                    public partial Inner(int channels, params int[] extra);

                    [Conv2d("channels", 4, 3, Padding = "same")] public partial Conv2d conv { get; }
                    [MaxPool2d(2, Stride = new[] { 2, 1 })] public partial MaxPool2d pool { get; }
                }
            }
        }
        """;

    public static TheoryData<string> ModelNames => new(Models.Value.Select(m => m.Parsed.FullyQualifiedName));

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void A_model_read_back_from_its_descriptor_equals_the_model_less_what_stays_home(string name)
    {
        var (parsed, analyzed) = Models.Value.Single(m => m.Parsed.FullyQualifiedName == name);

        foreach (var model in new[] { parsed, analyzed })
        {
            var read = ModelDescriptor.Read(ModelDescriptor.Write(model), out var problem);
            Assert.Null(problem);
            Assert.Equal(Portable(model), read);
        }
    }

    /// <summary>The samples use every kind of member and every part of the format, so the round trip above covers it all.</summary>
    [Fact]
    public void The_round_trip_covers_every_member_kind_and_part_of_the_format()
    {
        var models = Models.Value.Select(m => m.Analyzed).ToList();
        var members = models.SelectMany(m => m.Members).ToList();

        Assert.True(models.Count >= 20, $"only {models.Count} models");
        Assert.Equal(Enum.GetValues<MemberKind>().OrderBy(k => k), members.Select(m => m.Kind).Distinct().OrderBy(k => k));
        var missing = new (string What, bool Covered)[]
        {
            ("a residual with a shortcut member", models.Any(m => m.Residual is { ShortcutMember: not null })),
            ("a residual under [When]", models.Any(m => m.Residual is { When: not null })),
            ("a hand-written forward", models.Any(m => m.DeclaresForward)),
            ("a generic model nested in a type", models.Any(m => m.Shell.ContainingTypes.Count > 0 && m.Shell.Declaration.NameWithTypeParameters.Contains('<'))),
            ("the global namespace", models.Any(m => m.Shell.Namespace is null)),
            ("a params hyperparameter", models.Any(m => m.Parameters.Any(p => p.IsParams))),
            ("a hyperparameter default", models.Any(m => m.Parameters.Any(p => p.DefaultValue is not null))),
            ("a Parameter in a field", members.Any(m => m.IsParameterField)),
            ("a [Parameter] member", members.Any(m => m.Kind == MemberKind.Parameter && !m.ParameterShape.IsEmpty)),
            ("a module that does not take one tensor", members.Any(m => !m.TakesOneTensor)),
            ("a [Contract]", members.Any(m => m.Contract is not null)),
            ("a field of a known layer", members.Any(m => m.KnownLayer is not null && !m.KnownLayerHasArguments)),
            ("a field layer read from its initializer", members.Any(m => m.KnownLayer is { Args.IsEmpty: false } && m.KnownLayerHasArguments)),
            ("a field Sequential with named children", members.Any(m => m.KnownChildren.Any(c => c.Name is not null))),
            ("a field Sequential with children by position", members.Any(m => !m.KnownChildren.IsEmpty && m.KnownChildren.All(c => c.Name is null))),
            ("a [Factory]", members.Any(m => m.Factory is not null)),
            ("a [When] member", members.Any(m => m.WhenParameter is not null)),
            ("a [Branch]", members.Any(m => m.BranchDim is not null)),
            ("an indexed child", members.Any(m => m.IsIndexedChild)),
            ("a real argument", members.Any(m => m.Layers.Any(l => l.Args.Any(a => a.Value.Kind == ArgKind.Double)))),
            ("a list argument", members.Any(m => m.Layers.Any(l => l.Args.Any(a => a.Value.Kind == ArgKind.IntList)))),
            ("a text argument", members.Any(m => m.Layers.Any(l => l.Args.Any(a => a.Value.Kind == ArgKind.Text)))),
            ("a [Block<T>] child", members.Any(m => m.Layers.Any(l => l.BlockType is not null))),
            ("an [Init] rule", models.Any(m => !m.InitRules.IsEmpty)),
            ("a [Gate]", models.Any(m => m.Gate is not null)),
            ("a [Chunk] under a condition", models.Any(m => m.Chunk is { When: not null })),
        }.Where(c => !c.Covered).Select(c => c.What).ToList();
        Assert.True(missing.Count == 0, "no model has: " + string.Join("; ", missing));
    }

    /// <summary>What a descriptor carries: the model without locations, init rules and the shell's own-partial details.</summary>
    private static ModelSpec Portable(ModelSpec model) => model with
    {
        Location = null,
        // A hand-written forward is read from source; another assembly's block is checked member by member.
        Forward = null,
        InitRules = EquatableArray<InitRuleSpec>.Empty,
        Gate = model.Gate is { } gate ? gate with { Location = null } : null,
        Chunk = model.Chunk is { } chunk ? chunk with { Location = null } : null,
        // Factories only add summaries to the model's own assembly; a user in another assembly needs its blocks, not them.
        Variants = EquatableArray<VariantSpec>.Empty,
        Shell = model.Shell with
        {
            ConstructorAccessibility = "public",
            PartialProperties = EquatableArray<PartialPropertyInfo>.Empty,
            BaseArguments = "",
            TakenNames = EquatableArray<string>.Empty,
            IsVisibleAtAssemblyLevel = true,
            InheritedNames = EquatableArray<string>.Empty,
            DeclaresOtherConstructor = false,
            // Format 1 does not carry an enum hyperparameter's members (Vgg's VggConfig is the first sample with one):
            // another assembly cannot evaluate comparisons with them, so what depends on them is unknown there, never wrong.
            Parameters = model.Shell.Parameters.Select(p => p with { EnumMembers = EquatableArray<string>.Empty }).ToEquatableArray(),
        },
        Members = model.Members.Select(ModelDescriptor.Carried).Select(member => member with
        {
            Location = null,
            InitOverride = null,
            InheritanceModifiers = "",
            TorchModule = null,
            Contract = member.Contract is { } contract ? contract with { Location = null } : null,
            KnownLayer = member.KnownLayer is { } known ? WithoutLocations(known) : null,
            KnownChildren = member.KnownChildren.Select(WithoutLocations).ToEquatableArray(),
            Layers = member.Layers.Select(WithoutLocations).ToEquatableArray(),
        }).ToEquatableArray(),
    };

    private static LayerSpec WithoutLocations(LayerSpec layer) =>
        layer with
        {
            Location = null,
            Args = layer.Args.Select(arg => arg with { Location = null }).ToEquatableArray(),
            Children = layer.Children.Select(WithoutLocations).ToEquatableArray(),
        };

    /// <summary>Every <c>[Model]</c> class under Samples/ and Tests/NetGen.Runtime.Tests/ and in <see cref="FormatCorners"/> (with the sample libraries' other files, which their models use), parsed and analysed as the generator does.</summary>
    private static IReadOnlyList<(ModelSpec, ModelSpec)> ParseRepositoryModels()
    {
        var sources = new[] { "Samples", Path.Combine("Tests", "NetGen.Runtime.Tests") }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root(), folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            // The sample libraries compile whole: the zoo's hand-written modules (the Swin and MaxViT attention) declare
            // no model but are members of models that do.
            .Where(file => file.Text.Contains("[Model", StringComparison.Ordinal) || file.Path.Contains("NetGen.SeedModels", StringComparison.Ordinal) || file.Path.Contains("NetGen.Vision", StringComparison.Ordinal))
            .Select(file => file.Text)
            .Append(FormatCorners)
            .ToArray();
        var compilation = GeneratorHarness.Run(TwoAssemblies.Compile("Samples", "Sample", sources, GeneratorHarness.References)).Output;

        var parsed = new List<ModelSpec>();
        foreach (var tree in compilation.SyntaxTrees.Where(t => !TypeShapes.IsNetGenTree(t)))
        {
            var semantics = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (semantics.GetDeclaredSymbol(declaration) is INamedTypeSymbol type && ModelDeclarations.IsPrimary(type, declaration))
                {
                    var result = ModelAnalysis.Parse(type, declaration, compilation, CancellationToken.None);
                    parsed.Add(result.Model ?? throw new InvalidOperationException($"{type} did not parse: {string.Join("; ", result.Diagnostics)}"));
                }
            }
        }

        var byName = parsed.ToDictionary(m => m.FullyQualifiedName, StringComparer.Ordinal);
        return parsed
            .Select(model => (model, ModelAnalysis.Run(model, Dependencies.Closure(model, name => byName.TryGetValue(name, out var found) ? found : null)).Model))
            .ToList();
    }
}
