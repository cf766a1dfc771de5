using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

internal sealed partial class ShapeWalker
{
    /// <summary>
    /// The walk's side of a forward analysis: members as values, member calls walked with what the forward passes
    /// (through the same layer rules, blocks, contracts as a generated forward), and failures reported where the
    /// forward makes them.
    /// </summary>
    private sealed class ForwardHost : IForwardHost, IForwardHostInternals
    {
        private readonly ShapeWalker _walker;
        private readonly ModelSpec _model;
        private readonly ShapeEnvironment _env;
        private readonly WalkScope _scope;
        private readonly List<MemberSeed> _seeds;

        public ForwardHost(ShapeWalker walker, ModelSpec model, ShapeEnvironment env, WalkScope scope, List<MemberSeed> seeds)
        {
            _walker = walker;
            _model = model;
            _env = env;
            _scope = scope;
            _seeds = seeds;
            BatchSymbol = model.Parameters.Any(p => p.Name == "N") ? "N′" : "N";
        }

        public string BatchSymbol { get; }

        public ForwardValue Member(string name, LocationInfo? location)
        {
            var member = _model.Member(name);
            if (member is null)
            {
                return ForwardValue.Unknown();
            }

            // A [Parameter] member, or a Parameter field made from a tensor of constant sizes, is a tensor of that shape.
            if (member.Kind == MemberKind.Parameter || member.IsParameterField && !member.ParameterShape.IsEmpty)
            {
                var shape = TensorShape.Of(member.ParameterShape.Select(_env.Size));
                return new TensorValue(shape, ShapeChain.Start(shape));
            }

            if (member.Kind == MemberKind.Field && member.IsParameterField)
            {
                return ForwardValue.Unknown(new ForwardTaint($"{Path(member)}: a Parameter field, whose shape NetGen does not know", true, Standalone: true));
            }

            var exists = member.WhenParameter is { } when ? _env.Flag(when) : true;
            return exists == false ? new NullValue() : new ModuleValue(name, null, exists is null);
        }

        public ForwardValue Hyperparameter(string name)
        {
            var parameter = _model.Parameters.FirstOrDefault(p => p.Name == name);
            return parameter?.TypeName switch
            {
                "bool" => new FlagValue(_env.Flag(name)),
                "int" or "long" or "short" or "byte" or "uint" or "ulong" or "ushort" or "sbyte" => new SizeValue(_env.Size(ArgValue.FromParameter(name))),
                "double" or "float" or "decimal" => new RealValue(null),
                _ => ForwardValue.Unknown(),
            };
        }

        public ForwardValue Children(ModuleValue module)
        {
            var member = _model.Member(module.Member);
            var count = member?.Kind switch
            {
                // A Sequential built child by child has as many children as its rows and conditions make.
                MemberKind.Sequential when !member.IsBuiltChildByChild => Dim.Of(member.Layers.Count),
                MemberKind.Repeat when ChosenRepeat(member, _env) is { } chosen => _env.Size(chosen.Count),
                // A Sequential or ModuleList a field's initializer builds, whose children nothing changes.
                MemberKind.Field when !member.KnownChildren.IsEmpty => Dim.Of(member.KnownChildren.Count),
                _ => (Dim?)null,
            };
            if (member is null || module.Child is not null || count is not { } n)
            {
                return ForwardValue.Unknown(new ForwardTaint($"{module.Member}: its children are not known to NetGen", true, Standalone: true));
            }

            return n.TryGetValue(out var known) && known <= ForwardInterpreter.MaxIterations
                ? new ListRef(new ListValue(Enumerable.Range(0, (int)known).Select(i => (ForwardValue)new ModuleValue(member.Name, i, false)).ToList()))
                : new ListRef(new ListValue(null, new ModuleValue(member.Name, -1, false)));
        }

        public ForwardValue Call(ModuleValue module, IReadOnlyList<ForwardValue> args, LocationInfo? location, bool speculative)
        {
            var member = _model.Member(module.Member);
            if (member is null || args.Count == 0)
            {
                return ForwardValue.Unknown();
            }

            var index = _model.Members.AsImmutableArray().IndexOf(member);
            var x = args[0];
            if (member.TorchModule is { } torchModule)
            {
                var checkedInput = CheckContractInput(member, x, location, speculative);
                var called = checkedInput ? SequenceModules.Call(this, member, torchModule, args, location, speculative) : ForwardValue.Unknown();
                CheckContractOutput(member, x, called, location, speculative);
                return ObserveOpaque(index, module, x, called, speculative);
            }

            if (member.Kind == MemberKind.Parameter)
            {
                return ForwardValue.Unknown();
            }

            var seesInside = member.Kind is MemberKind.Layer or MemberKind.Sequential or MemberKind.Repeat
                || member.Kind == MemberKind.Block && _walker._catalog.Find(member.TypeName) is not null
                || member.Kind == MemberKind.Field && (KnownField(member, member.Name, _env) is not null || !member.KnownChildren.IsEmpty);
            if (!seesInside)
            {
                return ObserveOpaque(index, module, x, Opaque(member, x, location, speculative), speculative);
            }

            if (x is not TensorValue { Shape: { IsRankKnown: true, Rank: > 0 } shape } tensor)
            {
                if (_scope.Top && !speculative)
                {
                    _walker.NoteUnknownInput(member.Name);
                }

                return ForwardValue.Unknown(x.Taint);
            }

            var scope = _scope.ForMember(member, index);
            // A call proves the member exists (on null it throws, and a [When] member these hyperparameters leave out is
            // null here, never called), so an undecided [When] gives the member's own output, not an unknown one.
            var existing = member with { WhenParameter = null };
            System.Func<TensorShape, TensorShape> walk = module.Child switch
            {
                null => sample => _walker.WalkMember(existing, _env, sample, scope),
                -1 => _ => TensorShape.UnknownRank,
                { } child => sample => _walker.WalkChild(existing, child, _env, sample, scope),
            };
            var label = module.Child is { } c ? $"{member.Name}.{(c < 0 ? "?" : c.ToString(System.Globalization.CultureInfo.InvariantCulture))}" : member.Name;
            var sample = TensorDims.Without(shape, 0);
            var (output, failures) = _walker.Probe(() => walk(sample));
            var seed = index < _seeds.Count ? _seeds[index] : null;
            failures = failures.Where(f => seed is null || !seed.Failures.Contains((f.Kind, f.Layer))).ToList();
            var batched = true;
            if (failures.Count > 0 && failures.All(f => f.Kind == ShapeFailureKind.RankMismatch))
            {
                // A tensor of the layer's unbatched rank (a 3-d C×H×W into a Conv2d) is one sample, as PyTorch reads it.
                var unbatched = _walker.Probe(() => _walker.WalkWhole(() => walk(shape)));
                if (!unbatched.Failures.Any(f => seed is null || !seed.Failures.Contains((f.Kind, f.Layer))))
                {
                    (output, failures, batched) = (unbatched.Output, new List<ShapeFailure>(), false);
                }
            }

            if (failures.Count > 0)
            {
                if (!speculative)
                {
                    _walker.FailInForward(failures[0], location, _scope, tensor.Chain);
                }

                return ForwardValue.Unknown();
            }

            if (module.Child is null && seed is not null && batched)
            {
                if (speculative)
                {
                    seed.ObserveSpeculatively(sample);
                }
                else
                {
                    seed.Observe(sample);
                }
            }
            else if (!speculative && module.Child is >= 0 and var child && seed is not null && batched)
            {
                // One input per child: a child called with two different shapes keeps its own rows.
                seed.ObservedChildren[child] = seed.ObservedChildren.TryGetValue(child, out var before) && (before is null || !before.Equals(sample)) ? null : sample;
            }

            var given = output.IsRankKnown
                ? tensor.Then(label, batched ? TensorDims.Inserted(output, 0, shape[0]) : output)
                : new TensorValue(TensorShape.UnknownRank, tensor.Chain) { Taint = tensor.Taint };
            return WithStates(member, given);
        }

        /// <summary>
        /// What an [LSTM], [GRU] or [RNN] member's call returns in C#: TorchSharp's tuple of the output and the final
        /// states (h_n, and c_n for an LSTM), whose shapes are left unknown. Any other member gives its output.
        /// </summary>
        private static ForwardValue WithStates(MemberSpec member, ForwardValue output)
        {
            var module = member.Kind == MemberKind.Layer && member.ModuleIndex >= 0 && member.ModuleIndex < member.Layers.Count ? member.Layers[member.ModuleIndex].Kind.Name : "";
            var states = SequenceModules.FinalStates(module);
            return states == 0 ? output : new TupleValue(new[] { output }.Concat(Enumerable.Repeat(ForwardValue.Unknown(), states)).ToList(), false);
        }

        /// <summary>A module NetGen cannot see into: its contract, if it has one, else an unknown output and a boundary note.</summary>
        private ForwardValue Opaque(MemberSpec member, ForwardValue x, LocationInfo? location, bool speculative)
        {
            var path = Path(member);
            if (member.Contract is not { } contract)
            {
                var note = _walker.Unreadable(member.TypeName)?.ToString() ?? $"{path}: {TypeLabel(member.TypeName)} without [Contract]";
                return ForwardValue.Unknown(new ForwardTaint(note, true, Standalone: true));
            }

            if (x is not TensorValue { Shape: { IsRankKnown: true, Rank: > 0 } shape } tensor)
            {
                var declared = ContractShapes.Apply(contract, path, TensorShape.UnknownRank, _env).Shape ?? TensorShape.UnknownRank;
                return Result(member, declared.IsRankKnown ? new TensorValue(TensorDims.Inserted(declared, 0, Dim.Unknown), ShapeChain.Start(TensorShape.UnknownRank)) { Taint = x.Taint } : ForwardValue.Unknown(x.Taint));
            }

            var result = ContractShapes.Apply(contract, path, TensorDims.Without(shape, 0), _env);
            if (result.Failure is { } failure)
            {
                if (!speculative)
                {
                    _walker.FailInForward(failure, location, _scope, tensor.Chain);
                }

                return ForwardValue.Unknown();
            }

            var output = result.Shape!;
            return Result(member, output.IsRankKnown ? tensor.Then(member.Name, TensorDims.Inserted(output, 0, shape[0])) : new TensorValue(TensorShape.UnknownRank, tensor.Chain) { Taint = tensor.Taint });
        }

        /// <summary>A contract on a module NetGen models anyway (an LSTM its factory builds): what arrives must fit it (NG0112).</summary>
        private bool CheckContractInput(MemberSpec member, ForwardValue x, LocationInfo? location, bool speculative)
        {
            if (member.Contract is not { } contract || x is not TensorValue { Shape: { IsRankKnown: true, Rank: > 0 } shape } tensor)
            {
                return true;
            }

            var result = ContractShapes.Apply(contract, Path(member), TensorDims.Without(shape, 0), _env);
            if (result.Failure is { } failure && !speculative)
            {
                _walker.FailInForward(failure, location, _scope, tensor.Chain);
            }

            return result.Failure is null;
        }

        /// <summary>And what the module gives must be what its contract says it gives, or the contract is false (NG0112).</summary>
        private void CheckContractOutput(MemberSpec member, ForwardValue x, ForwardValue called, LocationInfo? location, bool speculative)
        {
            var output = called is TupleValue tuple ? tuple.Item(0) : called;
            if (member.Contract is not { Output.IsEmpty: false } contract || speculative
                || x is not TensorValue { Shape: { IsRankKnown: true, Rank: > 0 } input } || output is not TensorValue { Shape: { IsRankKnown: true, Rank: > 0 } given } tensor)
            {
                return;
            }

            var path = Path(member);
            var claimed = ContractShapes.Apply(contract, path, TensorDims.Without(input, 0), _env).Shape;
            var actual = TensorDims.Without(given, 0);
            if (claimed is { IsRankKnown: true } && (claimed.Rank != actual.Rank || claimed.Dims.Zip(actual.Dims, (a, b) => a.Match(b)).Contains(DimMatch.Different)))
            {
                _walker.FailInForward(new ShapeFailure(ShapeFailureKind.ContractMismatch, path,
                    $"{path} declares in its [Contract] that it gives {claimed}, but the {member.TorchModule!.Kind} its factory builds gives {actual}",
                    claimed.ToString(), actual.ToString()), location, _scope, tensor.Chain);
            }
        }

        /// <summary>A module that returns a tuple (an LSTM without a model NetGen reads): the contract describes its first item.</summary>
        private static ForwardValue Result(MemberSpec member, ForwardValue first) =>
            member.TakesOneTensor ? first : new TupleValue(new[] { first }, true) { Taint = first.Taint };

        public void Fail(ShapeFailure failure, LocationInfo? location, ShapeChain? chain) => _walker.FailInForward(failure, location, _scope, chain);

        public string Path(MemberSpec member) => _scope.PathOf(member.Name);

        public ShapeEnvironment Environment => _env;

        /// <summary>Remembers what an opaque member took and gave, for its summary row.</summary>
        private ForwardValue ObserveOpaque(int index, ModuleValue module, ForwardValue x, ForwardValue called, bool speculative)
        {
            var output = called is TupleValue tuple ? tuple.Item(0) : called;
            if (!speculative && module.Child is null && index < _seeds.Count && x is TensorValue { Shape: { IsRankKnown: true, Rank: > 0 } input }
                && output is TensorValue { Shape: { IsRankKnown: true, Rank: > 0 } given })
            {
                var seed = _seeds[index];
                seed.Observe(TensorDims.Without(input, 0));
                seed.ObserveOutput(TensorDims.Without(given, 0));
            }

            return called;
        }
    }

    /// <summary>Child <paramref name="child"/> of a Sequential member (a layer) or of a repeated stage (a block).</summary>
    private TensorShape WalkChild(MemberSpec member, int child, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var path = scope.PathOf(member.Name) + "." + child.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (member.Kind == MemberKind.Sequential && !member.IsBuiltChildByChild && child < member.Layers.Count)
        {
            path = scope.PathOf(member.Name) + "." + member.Layers[child].KeyAt(child);
            return WalkLayer(member.Layers[child], path, env, input, scope.Inside(child), member.Name, child, true);
        }

        if (member.Kind == MemberKind.Field && child < member.KnownChildren.Count)
        {
            path = scope.PathOf(member.Name) + "." + member.KnownChildren[child].KeyAt(child);
            return WalkLayer(member.KnownChildren[child], path, env, input, scope.Inside(child), null, child, true);
        }

        if (member.Kind == MemberKind.Repeat && ChosenRepeat(member, env) is { } repeat)
        {
            var blockEnv = repeat.Index is { } index ? env.With(index, Dim.Of(child)) : env;
            return WalkBlock(repeat.BlockType, child == 0 ? repeat.First : repeat.Rest, path, blockEnv, input, scope.Inside(child), member.Location);
        }

        return TensorShape.UnknownRank;
    }
}
