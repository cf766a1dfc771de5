using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using NetGen.Runtime.Tests.OpenWorld.Models;
using NetGen.Runtime.Tests.StateDict;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// <c>[Repeat&lt;T&gt;("depth")]</c> with the count a constructor hyperparameter (<see cref="StageNet"/>, whose
/// default depth is 2): for depths 1, 3 and 6 the state schema lists exactly the registered tensors, in
/// PyTorch's order with PyTorch's shapes (checked against the twin's manifest in real PyTorch), the typed
/// <c>Keys</c> name only entries every depth has, and the state saves and loads strictly.
/// </summary>
public sealed class RepeatCountTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Depths() => [[1], [3], [6]];

    // Per block: left = conv + BN + conv + BN; the first block adds the projection conv + BN.
    private const int StemEntries = 6, BlockEntries = 12, ProjectionEntries = 6, HeadEntries = 2;

    [Theory]
    [MemberData(nameof(Depths))]
    public void The_schema_lists_exactly_the_registered_tensors_of_every_block(int depth)
    {
        using var model = new StageNet(depth);
        var registered = model.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(model.named_buffers())
            .ToDictionary(e => e.Item1, e => e.Item2, StringComparer.Ordinal);

        var schema = model.StateSchema;

        Assert.Equal(registered.Keys.Order(StringComparer.Ordinal), schema.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(schema, e => Assert.Equal(registered[e.Key].shape, e.Shape));
        Assert.Equal(StemEntries + ProjectionEntries + depth * BlockEntries + HeadEntries, schema.Count);
        var blocks = schema.Where(e => e.Key.StartsWith("stage.", StringComparison.Ordinal)).Select(e => e.Key.Split('.')[1]).Distinct();
        Assert.Equal(Enumerable.Range(0, depth).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), blocks);
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public void The_typed_keys_name_only_entries_that_every_depth_has(int depth)
    {
        using var model = new StageNet(depth);
        var schema = model.StateSchema.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var keys = Constants(typeof(StageNet.Keys)).Where(k => !k.Name.Equals("Prefix", StringComparison.Ordinal)).Select(k => k.Value).ToList();

        Assert.All(keys, key => Assert.Contains(key, schema));
        Assert.Contains(StageNet.Keys.stage._0.right._1.running_var, keys);
        Assert.Equal(StemEntries + ProjectionEntries + BlockEntries + HeadEntries, keys.Count);
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public void The_state_saves_and_loads_strictly_and_another_depth_is_refused_by_name(int depth)
    {
        using var directory = new TempDirectory();
        using var original = new StageNet(depth);
        RandomState.Fill(original, 41);
        original.SaveCheckpoint(directory.File("stage.pt"));

        using var same = new StageNet(depth);
        var report = same.LoadCheckpoint(directory.File("stage.pt"));
        Assert.True(report.IsComplete, report.ToString());
        Assert.Equal(original.StateSchema.Count, report.Loaded.Count);

        using var deeper = new StageNet(depth + 1);
        var refused = Assert.Throws<StateDictMismatchException>(() => deeper.LoadCheckpoint(directory.File("stage.pt")));
        Assert.Equal(BlockEntries, refused.Report.Missing.Count);
        Assert.All(refused.Report.Missing, e => Assert.StartsWith($"stage.{depth}.", e.Key, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Depths))]
    public void The_schema_equals_the_pytorch_twins_manifest_and_pytorch_loads_the_state_strictly(int depth)
    {
        PythonScripts.SkipUnless("torch");
        var hyperparameters = $"{{\"depth\": {depth}}}";
        using var model = new StageNet(depth);
        RandomState.Fill(model, 42);
        model.eval();

        var manifest = JsonSerializer.Deserialize<JsonElement[][]>(PythonScripts.Run("open_world_models.py", "manifest", nameof(StageNet), hyperparameters))!;
        var expected = manifest.Select(e => $"{e[0].GetString()} [{string.Join(", ", e[1].EnumerateArray().Select(d => d.GetInt64()))}] {e[2].GetString()}");
        var actual = model.StateSchema.Select(e => $"{e.Key} {TensorShapes.Format(e.Shape)} {(e.DType == ScalarType.Int64 ? "int64" : "float32")}");
        Assert.Equal(expected, actual);

        using var directory = new TempDirectory();
        using var input = randn(2, 3, 16, 16);
        using var noGrad = no_grad();
        using var result = model.call(input);
        model.SaveCheckpoint(directory.File("stage.pt"));
        model.SaveCheckpoint(directory.File("stage.safetensors"));
        Checkpoint.Write(directory.File("io.pt"), [new("input", input), new("output", result)]);
        var lines = PythonScripts.Run("open_world_models.py", "check", nameof(StageNet), hyperparameters, directory.File("io.pt"),
            directory.File("stage.pt"), directory.File("stage.safetensors")).Split('\n');
        Assert.All(lines, line => Assert.Contains($": OK {manifest.Length} ", line, StringComparison.Ordinal));
        output.WriteLine($"depth {depth}: {manifest.Length} entries\n{string.Join('\n', lines)}");
    }

    /// <summary>Every <c>const string</c> of a generated <c>Keys</c> class and its nested classes.</summary>
    private static IEnumerable<(string Name, string Value)> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (f.Name, (string)f.GetRawConstantValue()!))
            .Concat(type.GetNestedTypes().SelectMany(Constants));
}
