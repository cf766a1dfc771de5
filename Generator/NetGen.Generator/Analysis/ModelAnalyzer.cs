using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Shape analysis of one model against the catalog of the models it uses: checks every layer with
/// PyTorch's formulas from the declared input (parameters as symbols), fills in omitted sizes, and builds
/// the summary at the default hyperparameters.
/// </summary>
internal static class ModelAnalyzer
{
    public static AnalyzedModel Analyze(ModelSpec model, ModelCatalog catalog)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var symbolic = ShapeEnvironment.Symbolic(model);
        var walker = new ShapeWalker(catalog);
        walker.WalkTop(model, symbolic, InputShape(model, symbolic));

        foreach (var failure in walker.Failures)
        {
            diagnostics.AddRange(FailureDiagnostics.For(model, failure, ""));
        }

        // The model as `new M()` builds it: hyperparameters with defaults take them. That model is a real
        // one, so what fails there fails at run time; it is reported where the symbolic walk could not
        // tell (a size that depends on a defaulted hyperparameter, or on a block's arguments from one).
        var (filled, leftUnknownByAnError) = Fill(model, walker, catalog, diagnostics);
        var defaults = DefaultsWalk(filled, catalog);
        var defaultFailures = defaults is null ? new List<WalkFailure>() : defaults.Value.Walker.Failures
            .Where(d => !walker.Failures.Any(f => f.Location == d.Location && f.Failure.Kind == d.Failure.Kind))
            .ToList();
        foreach (var failure in defaultFailures)
        {
            diagnostics.AddRange(FailureDiagnostics.For(model, failure, AtDefaults(model)));
        }

        // Alternative stages not built at the defaults are checked in the models that build them.
        var reported = walker.Failures.Concat(defaultFailures).ToList();
        foreach (var (alternative, where) in AlternativeChoices.Models(filled))
        {
            var walked = DefaultsWalk(alternative, catalog);
            var fresh = walked is null ? new List<WalkFailure>() : walked.Value.Walker.Failures
                .Where(d => !reported.Any(f => f.Location == d.Location && f.Failure.Kind == d.Failure.Kind))
                .ToList();
            foreach (var failure in fresh)
            {
                diagnostics.AddRange(FailureDiagnostics.For(model, failure, where));
            }

            reported.AddRange(fresh);
            defaultFailures.AddRange(fresh);
        }

        if (model.Input.IsEmpty && !model.DeclaresForward)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeUnchecked, model.Location, model.Name,
                "it declares no input shape; add [Model(Input = [...])] to check channels and sizes"));
        }
        else if ((walker.Unchecked.Count > 0 || walker.Boundary.Count > 0) && walker.Failures.Count == 0 && defaultFailures.Count == 0)
        {
            var notes = BoundaryNote.Grouped(walker.Boundary).Concat(walker.Unchecked).ToList();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeUnchecked, model.Location, model.Name,
                string.Join("; ", notes.Take(3)) + (notes.Count > 3 ? $"; and {notes.Count - 3} more" : "")));
        }

        return new AnalyzedModel(
            filled,
            Summarize(filled, defaults),
            diagnostics.Distinct().ToEquatableArray(),
            walker.StateEntries.ToEquatableArray(),
            walker.OpaquePrefixes.ToEquatableArray(),
            walker.Boundary.ToEquatableArray())
        {
            SizesLeftUnknownByAnError = leftUnknownByAnError,
        };
    }

    private static TensorShape InputShape(ModelSpec model, ShapeEnvironment env) =>
        model.Input.IsEmpty ? TensorShape.UnknownRank : TensorShape.Of(model.Input.Select(env.Size));

    /// <summary>The walk with default hyperparameters; null when there is nothing to summarise (no input and a generated forward).</summary>
    internal static (ShapeWalker Walker, TensorShape Input)? DefaultsWalk(ModelSpec model, ModelCatalog catalog)
    {
        if (model.Input.IsEmpty && !model.DeclaresForward)
        {
            return null;
        }

        var env = ShapeEnvironment.Defaults(model);
        var walker = new ShapeWalker(catalog);
        var input = InputShape(model, env);
        walker.WalkTop(model, env, input);
        return (walker, input);
    }

    /// <summary>The size the walk with the defaults inferred for an omitted argument, if it is a number.</summary>
    private static long? KnownAtDefaults(IReadOnlyList<InferredArgument> inferred, string member, int layer, string argument) =>
        inferred.FirstOrDefault(a => a.Member == member && a.LayerIndex == layer && a.Argument == argument && a.Value.Kind == ArgKind.Int)?.Value.Int;

    /// <summary>" with the default hyperparameters (flat = 186624, numClasses = 101)".</summary>
    private static string AtDefaults(ModelSpec model)
    {
        var values = model.Parameters.Where(p => p.DefaultValue is not null).Select(p => $"{p.Name} = {Shown(p)}").ToList();
        return values.Count == 0 ? "" : " with the default hyperparameters (" + string.Join(", ", values) + ")";
    }

    /// <summary>A default as the user wrote it: an enum's member (<c>ResNetBlock.Basic</c>) rather than its underlying value.</summary>
    internal static string Shown(ParameterSpec parameter)
    {
        var member = parameter.EnumMembers.FirstOrDefault(m => m.Substring(m.IndexOf('=') + 1) == parameter.DefaultValue);
        if (member is null)
        {
            return parameter.DefaultValue!;
        }

        var type = parameter.TypeName.Substring(parameter.TypeName.LastIndexOfAny(new[] { '.', ':' }) + 1);
        return type + "." + member.Substring(0, member.IndexOf('='));
    }

    /// <summary>The summary at the declared input with default hyperparameters; null when there is none.</summary>
    internal static SummarySpec? Summarize(ModelSpec model, (ShapeWalker Walker, TensorShape Input)? defaults)
    {
        if (defaults is not { } walk)
        {
            return null;
        }

        var top = walk.Walker.Rows.Where(r => r.Depth == 0).ToList();
        var dims = walk.Input.IsRankKnown ? walk.Input.Dims.Select(d => d.TryGetValue(out var v) ? v : -1).ToEquatableArray() : EquatableArray<long>.Empty;
        var notes = new List<string>();
        if (model.DeclaresForward)
        {
            var stops = walk.Walker.ForwardStops;
            notes.Add(model.Forward is null
                ? "The forward is hand-written: each member's shapes come from the member alone, not from what the forward passes it."
                : "The forward is hand-written and NetGen follows it: a member it calls once with a known input shows the shapes of that input; any other member's shapes come from the member alone."
                    + (stops.Count == 0 ? "" : " NetGen stops following it at " + string.Join("; ", stops) + ".")
                    + (walk.Walker.ForwardCaveats.Count == 0 ? "" : " Not all of it is checked: " + string.Join("; ", walk.Walker.ForwardCaveats) + "."));
        }

        notes.AddRange(walk.Walker.OpaquePrefixes.Select(p => walk.Walker.BuiltAtRunTime.Contains(p)
            ? $"'{p}' is built from a table or conditions NetGen cannot evaluate at the defaults, so NetGen counts its parameters only at run time ({model.Name}.Summary.For(model))."
            : $"'{p}' is not a NetGen layer, so NetGen counts its parameters only at run time ({model.Name}.Summary.For(model))."));
        return new SummarySpec(dims, walk.Walker.Rows.ToEquatableArray(), Counting.Sum(top.Select(r => r.Parameters)), Counting.Sum(top.Select(r => r.MultAdds)), notes.ToEquatableArray());
    }

    /// <summary>
    /// Puts inferred sizes into the layers that omitted them; reports those that could not be inferred, except where an
    /// error reported before them left their input unknown (<see cref="ShapeWalker.UnknownAfterError"/>), which it says.
    /// </summary>
    private static (ModelSpec Filled, bool LeftUnknownByAnError) Fill(ModelSpec model, ShapeWalker walker, ModelCatalog catalog, List<DiagnosticInfo> diagnostics)
    {
        var inferred = walker.Inferred;
        // Walked only when a size is missing: what it is with the defaults, for NG0109 to say.
        var atDefaults = new System.Lazy<IReadOnlyList<InferredArgument>>(() => DefaultsWalk(model, catalog)?.Walker.Inferred ?? new List<InferredArgument>());
        var leftUnknownByAnError = false;
        var members = ImmutableArray.CreateBuilder<MemberSpec>();
        foreach (var member in model.Members)
        {
            var layers = ImmutableArray.CreateBuilder<LayerSpec>();
            for (var i = 0; i < member.Layers.Count; i++)
            {
                var layer = member.Layers[i];
                var required = layer.Kind.InferableInput()?.Argument;
                if (required is not null && layer.Get(required).IsAbsent && (member.Kind == MemberKind.Sequential || i == member.ModuleIndex))
                {
                    var value = inferred.FirstOrDefault(a => a.Member == member.Name && a.LayerIndex == i && a.Argument == required)?.Value ?? ArgValue.Absent;
                    if (value.IsAbsent && walker.UnknownAfterError.Contains(member.Name))
                    {
                        leftUnknownByAnError = true;
                    }
                    else if (value.IsAbsent)
                    {
                        var why = member.ForEach is not null
                            ? $"'{member.Name}' is built from a stage table, where one attribute makes a child per row; give the size (a carried value, e.g. Carry = \"c\")"
                            : model.DeclaresForward && model.Forward is not null
                            ? $"NetGen follows the hand-written forward of '{model.Name}' but cannot tell what '{member.Name}' receives there (a size is inferred only where every call of the member passes the same input, of known shape); give the size"
                            : model.DeclaresForward
                            ? $"'{model.Name}' has a hand-written forward NetGen does not read, so it does not know what '{member.Name}' receives; give the size"
                            : model.Input.IsEmpty
                                ? $"'{model.Name}' declares no input shape; add [Model(Input = [...])] or give the size"
                                : "the size it receives is not known at compile time; give the size";
                        if (member.ForEach is null && !model.Input.IsEmpty && KnownAtDefaults(atDefaults.Value, member.Name, i, required) is { } size)
                        {
                            // The walk with the defaults knows the number, so the symbolic walk lost it to arithmetic it cannot write.
                            why = model.DeclaresForward
                                ? $"{why} (it receives {size}{AtDefaults(model)})"
                                : $"it receives {size}{AtDefaults(model)}, but NetGen cannot write that in terms of the hyperparameters (it follows a hyperparameter, or a formula given as a layer's argument, but not what a flatten, a concatenation or a reshape makes of one); give the size (a number or an expression of the hyperparameters)";
                        }

                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CannotInfer, layer.Location, layer.Kind.InferableInput()!.Value.PyTorchName, member.Name, why));
                    }
                    else
                    {
                        layer = layer with { Args = layer.Args.Append(new LayerArg(required, value, null)).ToEquatableArray() };
                    }
                }

                layers.Add(layer);
            }

            members.Add(member with { Layers = new EquatableArray<LayerSpec>(layers.ToImmutable()) });
        }

        return (model with { Members = new EquatableArray<MemberSpec>(members.ToImmutable()) }, leftUnknownByAnError);
    }
}
