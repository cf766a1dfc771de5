using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NetGen.Package.Tests.Infrastructure;

namespace NetGen.Package.Tests.CrossAssembly;

/// <summary>
/// Issue 11's acceptance for blocks across assemblies, with real `dotnet build`s: a console project uses a
/// class library of NetGen blocks once through a ProjectReference and once through the library packed in
/// this test; it prints its output shape, Summary, typed key, state-dict keys and StateSchema, and all of it
/// equals what the same consumer prints with the blocks' source in its own project. A wrong channel count
/// across the boundary fails the build with NG0107.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class CrossAssemblyBuildTests(PackedPackage package)
{
    private BlockLibraryWorkspace Workspace => BlockLibraryWorkspace.For(package);

    [Theory]
    [InlineData(BlockSource.ProjectReference)]
    [InlineData(BlockSource.PackageReference)]
    public void A_consumer_of_the_library_prints_what_it_prints_with_the_blocks_in_its_own_project(BlockSource source)
    {
        var (build, run) = Workspace.BuildAndRun(source);
        var (_, reference) = Workspace.BuildAndRun(BlockSource.SameProject);

        Assert.Equal(reference.Output, run.Output);
        // Every shape was checked across the boundary: an opaque block would bring NG0110 (or NG0109 for the
        // sizes inferred through it) into the build output.
        Assert.DoesNotContain("NG0", build.Output, StringComparison.Ordinal);
        if (source == BlockSource.PackageReference)
        {
            Assert.True(Directory.Exists(Path.Combine(Workspace.Root, "packages", BlockLibraryWorkspace.LibraryPackageId.ToLowerInvariant(), BlockLibraryWorkspace.LibraryVersion)),
                "the library was not restored from its package into the workspace's packages folder");
        }
    }

    /// <summary>What the consumer prints is right, not only equal: checked against the live module and by hand.</summary>
    [Fact]
    public void The_consumer_infers_through_the_library_and_its_summary_and_state_map_match_the_live_module()
    {
        var (_, run) = Workspace.BuildAndRun(BlockSource.PackageReference);
        var output = run.Output;

        // BatchNorm2d's num_features and the head's in_features were inferred through the blocks; the model runs.
        Assert.Contains("output: [2, 10]", output, StringComparison.Ordinal);
        // The compile-time Summary counts every parameter inside the foreign blocks.
        Assert.Equal(Line(output, "live total: "), Line(output, "summary total: "));
        Assert.Equal("stage.2.body.4.running_mean", Line(output, "typed key: "));
        // The StateSchema lists every key of the state dict, the blocks' included, and no other. (Its order is
        // PyTorch's, module by module; TorchSharp's state_dict lists all parameters before all buffers.)
        var keys = Line(output, "state_dict: ").Split(' ');
        var schema = Line(output, "schema: ").Split(' ');
        Assert.Equal(keys.Order(StringComparer.Ordinal), schema.Order(StringComparer.Ordinal));
        Assert.Equal(63, keys.Length); // stem 2, features 6 + 5 + 6, stage 18 + 12 + 12, head 2
        Assert.Contains("stem.conv.weight stem.conv.bias features.0.0.weight features.0.1.weight features.0.1.bias features.0.1.running_mean", string.Join(' ', schema), StringComparison.Ordinal);
        Assert.Contains("stage.0.shortcut.1.num_batches_tracked stage.1.body.0.weight", string.Join(' ', schema), StringComparison.Ordinal);
        Assert.Equal("True", Line(output, "reloaded output equal: "));
        // The summary table: features.1 is the inferred BatchNorm2d(32), head the inferred Linear(64, 10).
        Assert.Matches(new Regex(@"features\.1 \(BatchNorm2d\) +\[1, 32, 16, 16\] +64\b"), output);
        Assert.Matches(new Regex(@"head \(Linear\) +\[1, 10\] +650\b"), output);
    }

    [Theory]
    [InlineData(BlockSource.ProjectReference)]
    [InlineData(BlockSource.PackageReference)]
    public void A_wrong_channel_count_across_the_boundary_fails_the_build_with_NG0107(BlockSource source)
    {
        var build = Workspace.BuildWrongConsumer(source);

        Assert.True(build.ExitCode != 0, "the build should have failed with NG0107: " + build.Describe());
        var line = Array.IndexOf(BlockLibrarySources.Classifier.Split('\n').Select(l => l.TrimEnd('\r')).ToArray(), BlockLibrarySources.FeaturesLine) + 1;
        Assert.True(line > 0, "the features line is not in the consumer's source");
        Assert.Matches(new Regex($@"Classifier\.cs\({line},\d+\): error NG0107: Block 'features\.0' does not fit what it receives: features\.0\.0 expects 16 input channels but receives 24"), build.Output);
    }

    /// <summary>The rest of the line that starts with <paramref name="prefix"/>.</summary>
    private static string Line(string output, string prefix)
    {
        var line = output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(line is not null, $"no line '{prefix}…' in:\n{output}");
        return line![prefix.Length..];
    }
}
