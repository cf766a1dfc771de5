using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace NetGen.Mutation;

/// <summary>
/// The CI part of the mutation harness: the mutants exist and cover every operator, the originals are
/// clean, outcomes are classified as docs/shape-checking.md says (a mutant NetGen does not claim to check is
/// unchecked, not passed or missed), and a bounded, deterministic subset has no miss and no false positive.
/// The full run is Program's <c>full</c> command; its figures are in docs/shape-checking.md.
/// </summary>
public sealed class MutationTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<SampleFile> Files = SampleSet.Load();
    private static readonly IReadOnlyList<Mutant> Mutants = Mutator.Enumerate(Files);

    [Fact]
    public void There_are_at_least_700_single_edits_covering_every_operator()
    {
        Assert.True(Mutants.Count >= 700, $"{Mutants.Count} mutants");
        Assert.All(Enum.GetValues<MutationOperator>(), op => Assert.Contains(Mutants, m => m.Operator == op));

        Assert.Equal(Mutants.Count, Mutants.Select(m => m.Id).Distinct().Count());
        Assert.All(Mutants, m => Assert.NotEqual(Files.Single(f => f.Name == m.File).Text, m.MutatedText));
        // Every source file that declares a model is mutated (the others are hand-written TorchSharp that the models use,
        // such as Swin's window attention), every file is run by some root, and the open-world models are among them.
        Assert.All(Files.Where(f => SampleSet.ModelsIn(f.Text).Count > 0), f => Assert.Contains(Mutants, m => m.File == f.Name));
        Assert.All(Files, f => Assert.NotEmpty(SampleSet.RootsUsing(f.Name)));
        Assert.Equal(9, Files.Count(f => f.Name.StartsWith("OpenWorld/", StringComparison.Ordinal)));
    }

    /// <summary>Issue 13's acceptance line: at least 500 single edits of the seven models with hand-written forwards, every forward operator among them.</summary>
    [Fact]
    public void There_are_at_least_500_edits_of_issue_13s_forwards()
    {
        var ofForwards = Mutants.Where(m => SampleSet.ForwardModelFiles.Contains(m.File)).ToList();

        Assert.True(ofForwards.Count >= 500, $"{ofForwards.Count} mutants");
        Assert.All(ForwardOperators, op => Assert.Contains(ofForwards, m => m.Operator == op));
        // The edits the issue names, each present: a join's and a split's dimension, a view size, a swapped member call,
        // a dropped flatten, a wrong transpose pair, a channel count in a member.
        Assert.Contains(ofForwards, m => m.Operator == MutationOperator.ForwardJoinDim && m.Description.Contains("cat(", StringComparison.Ordinal));
        Assert.Contains(ofForwards, m => m.Operator == MutationOperator.ForwardJoinDim && m.Description.Contains("chunk(", StringComparison.Ordinal));
        Assert.Contains(ofForwards, m => m.Operator == MutationOperator.ForwardViewSize);
        Assert.Contains(ofForwards, m => m.Operator == MutationOperator.ForwardSwapMember);
        Assert.Contains(ofForwards, m => m.Operator == MutationOperator.ForwardDropCall && m.Description.Contains("drop flatten", StringComparison.Ordinal));
        Assert.Contains(ofForwards, m => m.Operator == MutationOperator.ForwardTranspose);
        Assert.Contains(ofForwards, m => m.Operator == MutationOperator.Channels);
    }

    [Fact]
    public void A_forward_edit_is_one_edit_of_the_forward_body()
    {
        var join = Single("OpenWorld/TinyUNet.cs", "cat(new[] { up.call(bottom), skip }, 1): 1 → 2");
        Assert.Equal(MutationOperator.ForwardJoinDim, join.Operator);
        Assert.Equal(Text("OpenWorld/TinyUNet.cs").Replace("skip }, 1)", "skip }, 2)"), join.MutatedText);

        var flatten = Single("OpenWorld/ResNet34Forward.cs", "drop flatten: y.flatten(1) → y");
        Assert.Equal(Text("OpenWorld/ResNet34Forward.cs").Replace("y = y.flatten(1);", "y = y;"), flatten.MutatedText);

        var swap = Single("OpenWorld/SqueezeExcite.cs", "fc1 → fc2 in fc1.call(pool.call(x))");
        Assert.Equal(Text("OpenWorld/SqueezeExcite.cs").Replace("fc1.call(pool.call(x))", "fc2.call(pool.call(x))"), swap.MutatedText);
        Assert.False(swap.InsideOpaqueRegion);
    }

    [Fact]
    public void A_mutant_is_one_edit_of_an_attribute_argument_or_of_what_it_names()
    {
        var mutant = Single("SeedModels/Net.cs", "[Conv2d(32, 64, 3)] in_channels: 32 → 33");
        Assert.Equal(Text("SeedModels/Net.cs").Replace("[Conv2d(32, 64, 3), ReLU]", "[Conv2d(33, 64, 3), ReLU]"), mutant.MutatedText);
        Assert.False(mutant.InsideOpaqueRegion);

        var dropped = Single("SeedModels/ResidualBlock.cs", "delete the shortcut member 'right'");
        Assert.DoesNotContain("right", dropped.MutatedText.Split('\n').Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal)));

        // A contract's input is checked against what arrives; its output is taken on trust (an opaque region).
        var contractInput = Single("OpenWorld/WrapperNet.cs", "Input[0]: \"features\" → \"classes\"");
        Assert.Equal(Text("OpenWorld/WrapperNet.cs").Replace("[Contract(Input = [\"features\"]", "[Contract(Input = [\"classes\"]"), contractInput.MutatedText);
        Assert.False(contractInput.InsideOpaqueRegion);
        Assert.True(Single("OpenWorld/WrapperNet.cs", "Output[0]: \"features\" → \"classes\"").InsideOpaqueRegion);

        var parameter = Single("OpenWorld/ClassTokenNet.cs", "shape[2]: \"dim\" → \"classes\"");
        Assert.Equal(Text("OpenWorld/ClassTokenNet.cs").Replace("[Parameter(1, 1, \"dim\")]", "[Parameter(1, 1, \"classes\")]"), parameter.MutatedText);

        // A factory edit renames the hyperparameter the factory takes, in its signature and its body.
        var factory = Single("OpenWorld/TextClassifier.cs", "CreateRnn: takes \"classes\" instead of \"hidden\"");
        Assert.Equal(
            Text("OpenWorld/TextClassifier.cs").Replace("CreateRnn(int embed, int hidden) => nn.LSTM(embed, hidden,", "CreateRnn(int embed, int classes) => nn.LSTM(embed, classes,"),
            factory.MutatedText);
        Assert.True(factory.InsideOpaqueRegion);
    }

    [Fact]
    public void The_originals_are_not_flagged_every_root_runs_and_every_contract_holds()
    {
        var result = new MutantRunner(Files).RunOriginal();

        Assert.Empty(result.ErrorMessages);
        Assert.True(result.Runnable, string.Join("; ", result.CompileErrors));
        Assert.Equal(SampleSet.Roots.Count, result.Runs.Count);
        Assert.All(result.Runs, r => Assert.Null(r.Error));
        Assert.All(result.Runs, r => Assert.Empty(r.ContractViolations));
        // NG0110 lists exactly the zoo's models with hand-written parts NetGen does not follow (Swin's patch merging, MaxViT's
        // partitions): every other hand-written forward is followed to its end, and WrapperNet's opaque member has a contract.
        output.WriteLine(string.Join(Environment.NewLine, result.Boundary));
        Assert.Equal(SampleSet.KnownBoundary, result.Boundary.Select(b => b[..b.IndexOf(' ', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Known mutants of each kind, run for real: what NetGen does not flag in a boundary model or inside an opaque
    /// region is unchecked whether or not it crashes; what it flags there is still judged by the oracle.
    /// </summary>
    [Fact]
    public void Outcomes_are_classified_by_what_NetGen_claims_to_check()
    {
        var runner = new MutantRunner(Files);
        MutantResult Run(string file, string edit)
        {
            var result = runner.Run(Single(file, edit));
            output.WriteLine($"{result.Outcome}: {result.Mutant} — {MutationReport.Detail(result)}");
            return result;
        }

        // TinyUNet's forward concatenates the skip: a decoder taking 8 channels crashes, and NetGen, following the forward, says where.
        var caughtInTheForward = Run("OpenWorld/TinyUNet.cs", "[Conv2d(\"width2\", \"width\", 3, Padding = 1)] in_channels: \"width2\" → \"width\"");
        Assert.True(caughtInTheForward.Crashed);
        Assert.Contains("NG0101", caughtInTheForward.ErrorIds);
        Assert.Empty(caughtInTheForward.Boundary);
        Assert.Equal(Outcome.Caught, caughtInTheForward.Outcome);

        // A stride that changes the output size but breaks nothing passes.
        var runsUnflagged = Run("OpenWorld/TinyUNet.cs", "[Conv2d(\"width\", \"classes\", 1)]: add Stride = 2");
        Assert.False(runsUnflagged.Failed);
        Assert.Equal(Outcome.Passed, runsUnflagged.Outcome);

        // Inside one member NetGen checks as before: BatchNorm2d(c1) after a conv giving c0 is caught.
        var caughtInAMember = Run("OpenWorld/DenseBlock.cs", "[BatchNorm2d(\"c0\")] num_features: \"c0\" → \"c1\"");
        Assert.Contains("NG0101", caughtInAMember.ErrorIds);
        Assert.True(caughtInAMember.Crashed);
        Assert.Equal(Outcome.Caught, caughtInAMember.Outcome);

        // A contract that claims the wrapper takes 3 features: flagged where 24 arrive, and the oracle finds the claim false
        // (called on its own with 3 features, the wrapper throws), though the generated forward runs.
        var falseInput = Run("OpenWorld/WrapperNet.cs", "Input[0]: \"features\" → \"classes\"");
        Assert.Equal(["NG0112"], falseInput.ErrorIds);
        Assert.False(falseInput.Crashed);
        Assert.True(falseInput.ContractFalse);
        Assert.Equal(Outcome.Caught, falseInput.Outcome);

        // A contract that claims 3 features leave: NetGen infers the head from it and cannot know better; the forward crashes.
        var falseOutput = Run("OpenWorld/WrapperNet.cs", "Output[0]: \"features\" → \"classes\"");
        Assert.False(falseOutput.Flagged);
        Assert.True(falseOutput.Crashed && falseOutput.ContractFalse);
        Assert.Empty(falseOutput.Boundary);
        Assert.Equal(Outcome.Unchecked, falseOutput.Outcome);

        // In WrapperNet's generated forward everything else is checked: a wrong stem is caught, a wider one passes.
        Assert.Equal(Outcome.Caught, Run("OpenWorld/WrapperNet.cs", "[Linear(16, \"features\")] in_features: 16 → 17").Outcome);
        Assert.Equal(Outcome.Passed, Run("OpenWorld/WrapperNet.cs", "WrapperNet(features = 24): 24 → 48").Outcome);
    }

    /// <summary>
    /// A mutant is compiled with the files it can affect, not the whole set (<see cref="SourceGraph"/>). For a block several
    /// models share, a block only the harness's small ConvNeXt reaches and a boundary block (Swin's patch merging), both
    /// ways give the same findings, the same NG0110 boundary and the same runs.
    /// </summary>
    [Fact]
    public void A_mutant_compiled_with_the_files_it_affects_is_judged_as_in_the_whole_set()
    {
        var runner = new MutantRunner(Files);
        foreach (var mutant in new[] { Mutants.Single(m => m.Id == "Fire-001"), Mutants.Single(m => m.Id == "CNBlock-002"), Mutants.Single(m => m.Id == "PatchMerging-002") })
        {
            var alone = runner.Run(mutant);
            var whole = runner.RunInWholeSet(mutant);
            output.WriteLine($"{alone.Outcome}: {mutant} — {MutationReport.Detail(alone)}");

            Assert.Equal(whole.ErrorMessages, alone.ErrorMessages);
            Assert.Equal(whole.CompileErrors, alone.CompileErrors);
            Assert.Equal(whole.Boundary, alone.Boundary);
            Assert.Equal(whole.Runs.Select(r => (r.Root, r.OutputShape, r.Error)), alone.Runs.Select(r => (r.Root, r.OutputShape, r.Error)));
            Assert.Equal(whole.Outcome, alone.Outcome);
        }
    }

    [Fact]
    public void An_outcome_follows_from_flag_oracle_and_boundary()
    {
        var mutant = Mutants.First(m => !m.InsideOpaqueRegion);
        var opaque = Mutants.First(m => m.InsideOpaqueRegion);
        RootRun Ran(string? error = null, params string[] violations) => new("Root", error is null ? "[1]" : null, error, violations, 0);
        MutantResult Result(Mutant m, bool flagged, RootRun run, params string[] boundary) =>
            new(m, flagged ? ["NG0101"] : [], [], [], [run], boundary);

        Assert.Equal(Outcome.Caught, Result(mutant, true, Ran("crash")).Outcome);
        Assert.Equal(Outcome.Missed, Result(mutant, false, Ran("crash")).Outcome);
        Assert.Equal(Outcome.Passed, Result(mutant, false, Ran()).Outcome);
        Assert.Equal(Outcome.FalsePositive, Result(mutant, true, Ran()).Outcome);
        // At the boundary, or inside an opaque region: unflagged is unchecked, crash or not; flagged is judged as anywhere.
        Assert.Equal(Outcome.Unchecked, Result(mutant, false, Ran("crash"), "M (hand-written forward)").Outcome);
        Assert.Equal(Outcome.Unchecked, Result(mutant, false, Ran(), "M (hand-written forward)").Outcome);
        Assert.Equal(Outcome.Unchecked, Result(opaque, false, Ran(null, "contract false")).Outcome);
        Assert.Equal(Outcome.FalsePositive, Result(mutant, true, Ran(), "M (hand-written forward)").Outcome);
        Assert.Equal(Outcome.Caught, Result(opaque, true, Ran(null, "contract false")).Outcome);
        // The generator's stub is not the model: nothing to judge.
        Assert.Equal(Outcome.NotRunnable, Result(mutant, true, Ran("InvalidOperationException: NetGen did not generate 'M' because its declaration has errors")).Outcome);

        var report = MutationReport.Create(Result(mutant, false, Ran()),
            [Result(mutant, true, Ran("crash")), Result(mutant, false, Ran("crash"), "M (x)"), Result(opaque, false, Ran("crash"))], TimeSpan.Zero);
        Assert.Equal(1.0, report.Recall);
        Assert.Equal(2, report.With(Outcome.Unchecked).Count);
    }

    /// <summary>
    /// Every 20th mutant outside the ResNet34 files, the open world, the files EfficientNetV2 builds on and Inception v3's
    /// own files, ResidualBlock's shortcut edits, every 8th open-world mutant and every 60th of Inception v3's: about 105
    /// mutants. A mutant of a file EfficientNetV2 uses runs efficientnet_v2_s at 224×224 (15–35 s each on two shared
    /// cores), so those are left to the full run, as ResNet34's are; one of Inception v3's runs inception_v3 at 299×299
    /// (about 40 s each on the loaded machine), so only a third of its usual share is here.
    /// </summary>
    [Fact]
    public void A_bounded_subset_has_no_miss_and_no_false_positive()
    {
        var openWorld = Mutants.Where(m => m.File.StartsWith("OpenWorld/", StringComparison.Ordinal)).ToList();
        // Issue 11's open-world mutants, attribute edits only (the forward edits and issue 13's two new files have their own subset).
        var attributeEdits = openWorld.Where(m => !ForwardOperators.Contains(m.Operator) && m.File is not ("OpenWorld/TinyViT.cs" or "OpenWorld/ResNet34Forward.cs")).ToList();
        var subset = Mutants
            .Where(m => !m.File.StartsWith("SeedModels/Res", StringComparison.Ordinal) && !openWorld.Contains(m) && !UsedByEfficientNetV2(m.File) && !OnlyInceptionV3s(m.File))
            .Where((_, i) => i % 20 == 0)
            .Concat(Mutants.Where(m => OnlyInceptionV3s(m.File)).Where((_, i) => i % 60 == 0))
            .Concat(Mutants.Where(m => m.File == "SeedModels/ResidualBlock.cs" && m.Operator == MutationOperator.Shortcut))
            .Concat(attributeEdits.Where((_, i) => i % 8 == 0))
            .ToList();
        var runner = new MutantRunner(Files);

        var results = subset.Select(m => runner.Run(m)).ToList();

        foreach (var r in results)
        {
            output.WriteLine($"{r.Outcome}: {r.Mutant} — {MutationReport.Detail(r)}");
        }

        Assert.Contains(results, r => r.Outcome == Outcome.Caught);
        Assert.Contains(results, r => r.Outcome == Outcome.Passed);
        Assert.All(results, r => Assert.True(r.Outcome is not (Outcome.Missed or Outcome.FalsePositive),
            $"{r.Outcome}: {r.Mutant}: flagged={r.Flagged} ({string.Join("; ", r.ErrorMessages)}), oracle: {MutationReport.Detail(r)}"));
        // Where NetGen claims to check (no boundary, no opaque region), it flags exactly when the oracle fails: forward
        // throws, or an opaque member's output breaks its contract.
        Assert.All(results.Where(r => r.Runnable && !r.OutsideChecking), r => Assert.Equal(r.Failed, r.Flagged));
    }

    /// <summary>
    /// Every 10th edit of a hand-written forward in issue 13's models, outside the hand-written ResNet34 (its mutants take
    /// 5–10 s each; the full run has them): 21 mutants, no miss and no false positive. Two of them (ShuffleUnit-047 and -067,
    /// a view that reads another size where the batch belongs) fit one batch size only, so they are caught by NG0113,
    /// the warning of the forward's second pass at a concrete batch. The full run's figures are in docs/shape-checking.md.
    /// </summary>
    [Fact]
    public void A_bounded_subset_of_forward_edits_has_no_miss_and_no_false_positive()
    {
        var subset = Mutants
            .Where(m => ForwardOperators.Contains(m.Operator) && SampleSet.ForwardModelFiles.Contains(m.File) && m.File != "OpenWorld/ResNet34Forward.cs")
            .Where((_, i) => i % 10 == 0)
            .ToList();
        var runner = new MutantRunner(Files);

        var results = subset.Select(m => runner.Run(m)).ToList();

        foreach (var r in results)
        {
            output.WriteLine($"{r.Outcome}: {r.Mutant} — {MutationReport.Detail(r)}");
        }

        Assert.True(results.Count >= 12, $"{results.Count} mutants");
        Assert.Contains(results, r => r.Outcome == Outcome.Caught);
        Assert.Contains(results, r => r.Outcome == Outcome.Passed);
        Assert.All(results, r => Assert.True(r.Outcome is not (Outcome.FalsePositive or Outcome.NotRunnable or Outcome.Missed),
            $"{r.Outcome}: {r.Mutant}: flagged={r.Flagged} ({string.Join("; ", r.ErrorMessages)}), oracle: {MutationReport.Detail(r)}"));
        Assert.Contains(results, r => r.ErrorIds.Contains("NG0113"));
    }

    private static readonly MutationOperator[] ForwardOperators =
    [
        MutationOperator.ForwardJoinDim, MutationOperator.ForwardViewSize, MutationOperator.ForwardTranspose, MutationOperator.ForwardSwapMember,
        MutationOperator.ForwardDropCall, MutationOperator.ForwardSwapValue, MutationOperator.ForwardOther,
    ];

    /// <summary>A file only Inception v3 uses (its blocks, its auxiliary classifier): not BasicConv2d, which GoogLeNet shares.</summary>
    private static bool OnlyInceptionV3s(string file) =>
        SampleSet.RootsUsing(file).All(r => r.ShortName is "InceptionV3" or "InceptionV3Aux");

    private static bool UsedByEfficientNetV2(string file) =>
        SampleSet.RootsUsing(file).Any(r => r.TypeName == "NetGen.Vision.EfficientNetV2");

    private static Mutant Single(string file, string edit) =>
        Mutants.Single(m => m.File == file && m.Description.Contains(edit, StringComparison.Ordinal));

    private static string Text(string file) => Files.Single(f => f.Name == file).Text;
}
