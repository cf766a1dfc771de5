using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Tests.Robustness;

/// <summary>
/// Writes one random model declaration from a <see cref="ChoiceTape"/>. A case is valid unless a
/// <see cref="Flaw"/> is planted, and exactly one flaw is planted in an invalid case, so validity is
/// known by construction. Valid models keep a running channel count, so every layer's input size
/// matches what reaches it (spatial sizes and tensor ranks are not tracked, so the shape checks that run
/// when a case declares an <c>Input</c> are not judged, only survived).
/// </summary>
/// <remarks>
/// Beyond the closed world of layers, cases use what a real user writes: names that are C# keywords,
/// contextual keywords or the identifiers generated code uses itself; hyperparameters named like inherited
/// members or generated locals, and a <c>params</c> array; extreme sizes; <c>[Factory]</c> members with and
/// without a <c>[Contract]</c>; module fields NetGen only registers; <c>[Parameter]</c> members beside a
/// hand-written forward. Flaws add reserved names, cycles of blocks, a model deriving from a model, repeats
/// and inputs past NetGen's bounds.
/// </remarks>
internal sealed class DeclarationBuilder
{
    private static readonly Flaw[] Flaws = Enum.GetValues<Flaw>().Where(f => f != Flaw.None).ToArray();

    private static readonly Flaw[] ModelFlaws =
    {
        Flaw.ClassNotPartial, Flaw.OuterNotPartial, Flaw.NotAModule, Flaw.PrimaryConstructor, Flaw.ConstructorWithBody,
        Flaw.TwoPartialConstructors, Flaw.EmptyModel, Flaw.IndexedAndMembers, Flaw.UnknownShortcut,
        Flaw.ModelInheritance, Flaw.InputOverflow,
    };

    /// <summary>Flaws in a layer attribute's arguments: they can sit on the class as well as on a member.</summary>
    private static readonly Flaw[] ArgumentFlaws =
    {
        Flaw.NonPositiveSize, Flaw.NegativePadding, Flaw.DoubleForInt, Flaw.BoolForInt, Flaw.UnknownHyperparameter,
        Flaw.PaddingKeywordNotAllowed, Flaw.DropoutOutOfRange, Flaw.UnknownGeluApproximation, Flaw.NonIntParameterAsSize,
        Flaw.ExpressionUnknownName, Flaw.ExpressionWrongType, Flaw.ExpressionFailsAtDefaults,
    };

    private static readonly string[] MemberNames =
    {
        "conv", "bn", "fc", "head", "stem", "body", "act", "pool", "drop", "mixer", "layer1", "features",
        "classifier", "norm", "embed", "gate", "branch", "stage", "left", "right", "m",
        // Not "__body": names starting with "__" are reserved for generated fields (NG0011, see GeneratorRegressionTests).
    };

    /// <summary>
    /// Names a user may choose that generated code must survive: keywords (written with @), contextual keywords,
    /// the identifiers generated code uses for its own locals and key classes, and the old hyperparameter prefix.
    /// </summary>
    private static readonly string[] OddNames =
    {
        "class", "base", "return", "this", "event", "in", "out", "params", "object", "new",
        "record", "file", "var", "value", "required", "scoped", "async", "await", "nameof", "global", "field",
        "input", "t0", "t1", "plan", "schema", "inherited", "i", "Prefix", "weight", "bias", "running_mean", "hp_c0", "p_width", "f_conv", "_0",
    };

    /// <summary>Member names NetGen's generated code declares or calls, which it must refuse (NG0011).</summary>
    private static readonly string[] ReservedNames =
    {
        "Keys", "Summary", "StateSchema", "init_weights", "RegisterComponents", "__body", "__f_conv", "new register_module", "new register_parameter", "new ReferenceEquals",
    };

    /// <summary>Hyperparameters named like inherited members, generated locals, keywords or generated fields.</summary>
    private static readonly (string Name, string Type)[] OddParameters =
    {
        ("register_module", "int"), ("__conv", "int"), ("this", "int"), ("i", "int"), ("training", "bool"), ("input", "int"), ("ReferenceEquals", "int"), ("Keys", "int"),
    };

    /// <summary>Issue 12's parameter-free layers: each serves as a module or as an op around one.</summary>
    private static readonly string[] CatalogueStateless =
    {
        "Hardswish", "Hardsigmoid", "SELU", "Mish", "ELU", "Softplus", "Hardtanh", "LogSoftmax", "Identity", "Dropout1d", "Dropout2d",
        "LocalResponseNorm", "ZeroPad2d", "ConstantPad2d", "MaxPool1d", "AvgPool1d", "AdaptiveMaxPool2d", "AdaptiveAvgPool1d", "Unflatten",
        "PixelShuffle", "Upsample", "StochasticDepth", "Permute", "Mean", "ChannelShuffle", "Select",
    };

    private static readonly string[] Stateless = new[]
    {
        "ReLU", "ReLU6", "LeakyReLU", "GELU", "SiLU", "Sigmoid", "Tanh", "Softmax", "Flatten", "Dropout", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d",
    }.Concat(CatalogueStateless).ToArray();

    /// <summary>Issue 12's layers with state: each is the one module of its member.</summary>
    private static readonly string[] CatalogueStateful = { "PReLU", "InstanceNorm2d", "BatchNorm3d", "LayerNorm2d", "Conv3d" };

    private static readonly string[] CatalogueLayers = CatalogueStateless.Concat(CatalogueStateful).ToArray();

    private readonly ChoiceTape _t;
    private readonly Flaw _flaw;
    private readonly List<string> _members = new();
    private readonly HashSet<string> _names = new();
    private readonly List<(string Name, string Type)> _parameters = new();
    private readonly List<string> _methods = new();
    private readonly List<string> _extraModels = new();
    private string _channels = "3";
    private string _modelName = "M0";
    private bool _handWrittenForward;
    private bool _paramsArray;
    private int _branchGroups;
    private int _lastGroupSize;

    private DeclarationBuilder(ChoiceTape tape, Flaw flaw)
    {
        _t = tape;
        _flaw = flaw;
    }

    public static DeclarationCase Build(IReadOnlyList<int> choices)
    {
        var tape = new ChoiceTape(choices);
        var flaw = tape.Chance(40) ? Flaws[tape.Pick(Flaws.Length)] : Flaw.None;
        return new DeclarationCase(new DeclarationBuilder(tape, flaw).Write(), flaw);
    }

    private bool Is(Flaw flaw) => _flaw == flaw;

    private bool HasParameter(string name) => _parameters.Any(p => p.Name == name);

    /// <summary><c>[Split]</c> with one size per branch: constants, an expression, or the width hyperparameter.</summary>
    private string Split()
    {
        var sizes = Enumerable.Range(0, _lastGroupSize)
            .Select(_ => HasParameter("width") && _t.Chance(30) ? "\"width\"" : _t.OneOf("0", "1", "2", "4", "8", "\"2 * 4\""));
        return $"Split({string.Join(", ", sizes)}{(HasParameter("flag") && _t.Chance(50) ? ", When = \"flag\"" : _t.OneOf("", ", Dim = 1", ", Dim = -1"))})";
    }

    private string Write()
    {
        _modelName = "M" + _t.Pick(10);
        var mode = ChooseMode();
        // An empty model is valid only with a hand-written forward; a [Parameter] member needs one too.
        _handWrittenForward = (mode == Mode.Empty && !Is(Flaw.EmptyModel))
            || (!Is(Flaw.EmptyModel) && !Is(Flaw.ParameterInGeneratedForward) && _t.Chance(15));
        var residual = mode == Mode.Members && (Is(Flaw.UnknownShortcut) || _t.Chance(25));
        var shortcut = residual && _t.Chance(50);
        ChooseParameters();

        var classAttributes = new List<string> { ModelAttribute() };
        classAttributes.AddRange(InitRules());
        if (mode is Mode.Indexed or Mode.IndexedAndMembers)
        {
            var count = 1 + _t.Pick(4);
            var flawAt = ArgumentFlaws.Contains(_flaw) && mode == Mode.Indexed ? _t.Pick(count) : -1;
            for (var i = 0; i < count; i++)
            {
                classAttributes.Add(i == flawAt ? FlawedLayer() : Layer(Module(), preserve: false));
            }
        }

        var startChannels = _channels;
        if (mode is Mode.Members or Mode.IndexedAndMembers)
        {
            WriteMembers(preserve: residual && !shortcut);
        }

        if (mode == Mode.Members && !residual && _t.Chance(8))
        {
            // input * members(input): any channel or rank mismatch is a shape error (NG01xx), never a crash.
            classAttributes.Add("Gate");
        }

        // A branch of several members cannot take one chunk (NG0011), so a group with a factorised branch gets no [Chunk].
        if (_branchGroups == 1 && _factorisedBranches == 0 && !residual && _t.Chance(40))
        {
            // The one branch group takes the input's chunks, or pieces of given sizes ([Split]); the branches' in_channels
            // stay the whole input's, and the sizes rarely add up to it, which the shape check may refuse.
            classAttributes.Add(_t.Chance(50) ? Split()
                : HasParameter("flag") && _t.Chance(50) ? $"Chunk({_lastGroupSize}, When = \"flag\")" : $"Chunk({_lastGroupSize}{_t.OneOf("", ", Dim = 1", ", Dim = -1")})");
        }

        if (residual)
        {
            var activation = _t.OneOf("None", "ReLU", "ReLU6", "GELU", "SiLU", "Sigmoid", "Tanh");
            var args = new List<string>();
            if (Is(Flaw.UnknownShortcut))
            {
                args.Add("Shortcut = \"missing\"");
            }
            else if (shortcut)
            {
                var name = Unique("shortcut", mayBeOdd: false);
                args.Add($"Shortcut = \"{name}\"");
                _members.Add(_t.Chance(50)
                    ? $"[Conv2d({startChannels}, {_channels}, 1, Bias = false)]\npublic partial Conv2d {name} {{ get; }}"
                    : $"[Conv2d({startChannels}, {_channels}, 1, Bias = false)]\n[BatchNorm2d({_channels})]\npublic partial Sequential {name} {{ get; }}");
            }

            if (activation != "None" || _t.Chance(30))
            {
                args.Add($"Activation = Activation.{activation}");
            }

            classAttributes.Add(args.Count == 0 ? "Residual" : $"Residual({string.Join(", ", args)})");
        }

        return Render(classAttributes, mode);
    }

    private enum Mode { Members, Indexed, Empty, IndexedAndMembers }

    /// <summary><c>[Model]</c>, with an <c>Input</c> a third of the time: the shape analysis then runs too, and must survive.</summary>
    private string ModelAttribute()
    {
        if (Is(Flaw.InputOverflow))
        {
            return _t.OneOf("Model(Input = [int.MaxValue, int.MaxValue, int.MaxValue])", "Model(Input = [4611686018427387904L, 2, 1])", "Model(Input = [65536, 65536, 65536, 65536])");
        }

        return _t.Pick(3) switch
        {
            0 => "Model",
            1 => $"Model(Input = [{_channels}, {_t.OneOf("16, 16", "8", "1, 1", "100000, 100000")}])",
            _ => _t.Chance(50) ? "Model" : $"Model(Input = [{_channels}])",
        };
    }

    private Mode ChooseMode()
    {
        if (Is(Flaw.EmptyModel))
        {
            return Mode.Empty;
        }

        if (Is(Flaw.IndexedAndMembers))
        {
            return Mode.IndexedAndMembers;
        }

        var memberFlaw = !ModelFlaws.Contains(_flaw) && !ArgumentFlaws.Contains(_flaw) && _flaw != Flaw.None;
        if (memberFlaw || Is(Flaw.UnknownShortcut))
        {
            return Mode.Members;
        }

        if (ArgumentFlaws.Contains(_flaw))
        {
            return _t.OneOf(Mode.Members, Mode.Indexed);
        }

        // An empty model is valid only with a hand-written forward; Render adds one.
        return _t.OneOf(Mode.Members, Mode.Members, Mode.Indexed, Mode.Empty);
    }

    private void ChooseParameters()
    {
        if (Is(Flaw.BlockCycle))
        {
            // The cycle's [Block] uses of this model pass no arguments.
            return;
        }

        var needsFlag = Is(Flaw.WhenOnNonNullable) || Is(Flaw.NonIntParameterAsSize) || Is(Flaw.RepeatChoiceOverlap);
        if (_t.Chance(50) || needsFlag || Is(Flaw.WhenNotBool))
        {
            _parameters.Add(("c0", "int"));
            _channels = "\"c0\"";
        }

        if (_t.Chance(50))
        {
            _parameters.Add(("width", "int"));
        }

        if (_t.Chance(30) || Is(Flaw.WhenNotBool))
        {
            _parameters.Add(("depth", "int"));
        }

        if (_t.Chance(40) || needsFlag)
        {
            _parameters.Add(("flag", "bool"));
        }

        if (_t.Chance(20) || Is(Flaw.NonIntParameterAsSize))
        {
            _parameters.Add(("rate", "double"));
        }

        if (_t.Chance(25))
        {
            var odd = _t.OneOf(OddParameters);
            if (!HasParameter(odd.Name))
            {
                _parameters.Add(odd);
            }
        }

        _paramsArray = _t.Chance(10);
    }

    /// <summary>An int hyperparameter with an odd name, if the case has one, to be used as a size.</summary>
    private string? OddSize() => _parameters.Where(p => p.Type == "int" && OddParameters.Contains(p)).Select(p => p.Name).FirstOrDefault();

    private string ConstructorParameters()
    {
        var parts = new List<string>();
        var defaults = false;
        foreach (var (name, type) in _parameters)
        {
            defaults |= name is "depth" or "flag" or "rate" || _t.Chance(30);
            var value = !defaults ? "" : type switch
            {
                "bool" => " = true",
                "double" => " = 0.5",
                _ => name == "c0" ? " = 3" : name == "width" ? " = 8" : " = 2",
            };
            parts.Add($"{type} {Id(name)}{value}");
        }

        if (_paramsArray)
        {
            parts.Add("params int[] extra");
        }

        return string.Join(", ", parts);
    }

    // ---- members ----------------------------------------------------------------------------

    private void WriteMembers(bool preserve)
    {
        var units = 1 + _t.Pick(4);
        var memberFlaw = _flaw != Flaw.None && !ModelFlaws.Contains(_flaw);
        var flawAt = memberFlaw ? _t.Pick(units + 1) : -1;
        for (var i = 0; i <= units; i++)
        {
            if (i == flawAt)
            {
                _members.Add(FlawedMember());
            }

            if (i < units)
            {
                WriteUnit(preserve);
            }
        }
    }

    private void WriteUnit(bool preserve)
    {
        switch (_t.Pick(9))
        {
            case 4 when preserve:
            case 5 when preserve:
                _members.Add(LayerMember(preserve));
                break;
            case 6:
                _members.Add(FactoryMember(preserve));
                break;
            case 7:
                // Layers on the class beside a field are valid (the field is only registered), so that flaw needs a declared member.
                _members.Add(Is(Flaw.IndexedAndMembers) ? LayerMember(preserve) : FieldMember());
                break;
            case 8:
                _members.Add(_handWrittenForward ? ParameterMember() : _t.Chance(50) ? TokenMember() : LayerMember(preserve));
                break;
            case 0:
                _members.Add(LayerMember(preserve));
                break;
            case 1:
                _members.Add(_t.Chance(40) && !IsLongOnly(_channels) ? StageMember(preserve) : SequentialMember(preserve));
                break;
            case 2:
                _members.Add(HasParameter("flag") ? OptionalMember() : LayerMember(preserve));
                break;
            case 3:
                _members.Add(BlockMember(preserve));
                break;
            case 4:
                _members.Add(RepeatMember());
                break;
            default:
                WriteBranchGroup();
                break;
        }
    }

    private string LayerMember(bool preserve, string? name = null)
    {
        var kind = Module();
        var attributes = new List<string>();
        // Ops of the module's own kind would make it ambiguous which attribute is the module.
        var before = _t.Pick(3);
        for (var i = 0; i < before; i++)
        {
            attributes.Add(FunctionalOp(except: kind));
        }

        attributes.Add(Layer(kind, preserve));
        var after = _t.Pick(3);
        for (var i = 0; i < after; i++)
        {
            attributes.Add(FunctionalOp(except: kind));
        }

        name ??= Unique(NameFor(kind));
        // A shortcut around a member and a branch of several members are not supported in one model (NG0011).
        if (_factorisedBranches == 0 && _t.Chance(12))
        {
            _memberShortcuts++;
            attributes.Add(ShortcutAttribute(name));
        }
        else if (_t.Chance(5))
        {
            attributes.Add("Auxiliary");
        }

        return Member(attributes, kind, name, withInit: true);
    }

    private string SequentialMember(bool preserve)
    {
        var count = 1 + _t.Pick(4);
        var attributes = Enumerable.Range(0, count).Select(_ => Layer(Module(), preserve)).ToList();
        return Member(attributes, "Sequential", Unique(_t.OneOf(MemberNames)), withInit: true);
    }

    /// <summary>
    /// Issue 12's stage forms on a Sequential member: children with conditions and names, a [ForEach] over a static
    /// table, a [Repeat] whose blocks take arguments computed from their index, a [Stage] of such blocks inside a
    /// Sequential, and a [DenseBlock] of growing layers.
    /// </summary>
    private string StageMember(bool preserve)
    {
        var c = _channels;
        var cExpr = IsParameterReference(c) ? Unquote(c) : c;
        var name = Unique(_t.OneOf("stage", "features", "body"));
        switch (preserve ? 0 : _t.Pick(5))
        {
            case 0:
            {
                // Conditional and named children: the kept channel count does not depend on which exist.
                // A condition reads a constructor parameter (a constant one is NG0010 by design).
                var condition = HasParameter("flag") ? _t.OneOf("flag", "!flag", "flag && 2 > 1")
                    : HasParameter("width") ? _t.OneOf("width > 4", "width % 2 == 0")
                    : null;
                var when = condition is null ? "" : $", When = \"{condition}\"";
                var children = new List<string>
                {
                    $"Conv2d({c}, {c}, 3, Padding = 1{(_t.Chance(50) ? ", Name = \"conv0\"" : "")})",
                    $"BatchNorm2d({c}{when}{(_t.Chance(50) ? ", Name = \"norm0\"" : "")})",
                    _t.OneOf("ReLU", "ReLU(Name = \"relu0\")", condition is null ? "ReLU" : $"ReLU(When = \"{condition}\")", "Identity(Name = \"skip\")"),
                };
                return Member(children, "Sequential", name, withInit: false);
            }
            case 1:
            {
                // A flat Sequential from a table: a conv per row, the channels carried from row to row.
                var table = $"Widths{_methods.Count}";
                var rows = Enumerable.Range(0, 1 + _t.Pick(4)).Select(_ => _t.OneOf(4, 8, 16)).ToList();
                _methods.Add($"private static readonly int[] {table} = [{string.Join(", ", rows)}];");
                _channels = rows[^1].ToString(System.Globalization.CultureInfo.InvariantCulture);
                // The loop's names must not hide a constructor parameter (NG0040), and some cases have odd ones like i.
                var (v, i, carry) = HasParameter("i") || HasParameter("v") ? ("row", "at", "chans") : ("v", "i", "c");
                var body = new List<string>
                {
                    $"ForEach(\"{table}\", Item = \"{v}\", Index = \"{i}\", Carry = \"{carry}\", Start = {c}, Next = \"{v}\")",
                    $"Conv2d(\"{carry}\", \"{v}\", 3, Padding = 1)",
                    _t.OneOf("ReLU", $"ReLU(When = \"{v} > 4\")", $"BatchNorm2d(\"{v}\", When = \"{i} % 2 == 0\")"),
                };
                return Member(body, "Sequential", name, withInit: false);
            }
            case 2:
            {
                // Blocks built from their index: the first widens, the others keep the width.
                var output = OutChannels(extreme: false);
                var outExpr = IsParameterReference(output) ? Unquote(output) : output;
                _channels = output;
                var count = _t.OneOf(1, 2, 3);
                var i = HasParameter("i") ? "at" : "i";
                return Member(new List<string> { $"Repeat<Robust.Helpers.Unit>({count}, Each = [\"{i} == 0 ? {cExpr} : {outExpr}\", \"{outExpr}\", 1, \"{i} == 0\"], Index = \"{i}\")" },
                    "Sequential", name, withInit: false);
            }
            case 3:
            {
                // A stage as a child of a Sequential (EfficientNet's, MNASNet's): a 1×1 conv, then blocks built from
                // their index, the first widening; the count may be computed (ceil, floor, round of a double, pow), and the
                // blocks may be named after a prefix (RegNet's block1-0).
                var output = OutChannels(extreme: false);
                var outExpr = IsParameterReference(output) ? Unquote(output) : output;
                _channels = output;
                var count = _t.OneOf("1", "2", "\"ceil(1.5)\"", "\"ceil(2 * 0.75) + 1\"", "\"floor(pow(1.5, 2))\"", "\"round(2.5) + 1\"");
                var prefix = _t.OneOf("", ", Prefix = \"block1-\"", ", Prefix = \"b\", FirstNumber = 1");
                var i = HasParameter("i") ? "at" : "i";
                return Member(new List<string>
                    {
                        $"Conv2d({c}, {c}, 1)",
                        $"Stage<Robust.Helpers.Unit>({count}, Each = [\"{i} == 0 ? {cExpr} : {outExpr}\", \"{outExpr}\", 1, \"{i} == 0\"], Index = \"{i}\"{prefix})",
                    },
                    "Sequential", name, withInit: false);
            }
            default:
            {
                // Dense concatenation: each layer sees the input and every earlier output; the block gives all of them.
                var count = _t.OneOf(1, 2, 3);
                var growth = _t.OneOf(2, 4);
                _channels = IsParameterReference(c) ? $"\"{cExpr} + {count * growth}\"" : (long.Parse(c, System.Globalization.CultureInfo.InvariantCulture) + count * growth).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var i = HasParameter("i") ? "at" : "i";
                return Member(new List<string> { $"DenseBlock<Robust.Helpers.Grow>({count}, Each = [\"{cExpr} + {i} * {growth}\", {growth}], Index = \"{i}\", Prefix = \"layer\", FirstNumber = 1)" },
                    "Sequential", name, withInit: false);
            }
        }
    }

    /// <summary>A [When] member: it may be absent, so it keeps the channel count.</summary>
    private string OptionalMember()
    {
        // The condition is the flag itself or an expression equal to it (docs/expressions.md).
        var attributes = new List<string> { $"When(\"{_t.OneOf("flag", "flag == true", "!(!flag)", "flag || 1 > 2")}\")" };
        attributes.AddRange(_t.Pick(2) == 0
            ? new[] { $"BatchNorm2d({_channels})", "ReLU" }
            : new[] { _t.OneOf("ReLU", "Dropout(0.1)", "SiLU") });
        return Member(attributes, "Sequential?", Unique("extra"), withInit: false);
    }

    private string BlockMember(bool preserve)
    {
        if (IsLongOnly(_channels))
        {
            // Unit takes ints.
            return LayerMember(preserve);
        }

        if (_t.Chance(25))
        {
            var ops = _t.Chance(50) ? new List<string> { "Block" } : new List<string> { "Block", FunctionalOp() };
            return Member(ops, "Robust.Helpers.Plain", Unique("plain"), withInit: false);
        }

        var input = _channels;
        var output = preserve ? input : OutChannels(extreme: false);
        var stride = preserve ? "1" : _t.OneOf("1", "2", HasParameter("depth") ? "\"depth\"" : "1");
        var args = new List<string> { input, output };
        var projection = input != output || stride != "1";
        if (projection || _t.Chance(50))
        {
            args.Add(stride);
            args.Add(projection ? "true" : _t.OneOf("false", "true"));
        }

        _channels = output;
        var attributes = new List<string> { $"Block({string.Join(", ", args)})" };
        if (_t.Chance(30))
        {
            attributes.Add(FunctionalOp());
        }

        return Member(attributes, "Robust.Helpers.Unit", Unique("block"), withInit: _t.Chance(20));
    }

    private string RepeatMember()
    {
        if (IsLongOnly(_channels))
        {
            return LayerMember(preserve: false);
        }

        var input = _channels;
        var output = OutChannels(extreme: false);
        var count = _t.OneOf("1", "2", "3", HasParameter("depth") ? "\"depth\"" : "2", HasParameter("i") ? "\"i\"" : "70");
        _channels = output;
        if (_t.Chance(35) && ExclusiveConditions() is { } conditions)
        {
            return Member(AlternativeStages(conditions, count, input, output), "Sequential", Unique("stage"), withInit: false);
        }

        return Member(new List<string> { $"Repeat<Robust.Helpers.Unit>({count}, First = [{input}, {output}, {_t.OneOf("1", "2")}, true], Rest = [{output}, {output}])" },
            "Sequential", Unique("stage"), withInit: false);
    }

    /// <summary>
    /// Conditions of which exactly one holds for every value: over the bool flag (which NetGen proves by trying both
    /// values) or an int (which the constructor checks); null when the case has neither parameter.
    /// </summary>
    private string[]? ExclusiveConditions()
    {
        if (HasParameter("flag") && (!HasParameter("width") || _t.Chance(50)))
        {
            return _t.OneOf(new[] { "flag", "!flag" }, new[] { "flag == true", "flag != true" }, new[] { "!(!flag)", "!flag || 1 > 2" });
        }

        return HasParameter("width") ? _t.OneOf(new[] { "width > 4", "width <= 4" }, new[] { "width < 4", "width == 4", "width > 4" }) : null;
    }

    /// <summary>
    /// Issue 12's block selector: one [Repeat] alternative per condition, each building the same channels from
    /// other arguments (First/Rest, or Each with the index), so whichever the constructor builds, the model fits.
    /// </summary>
    private List<string> AlternativeStages(string[] conditions, string count, string input, string output)
    {
        var inExpr = IsParameterReference(input) ? Unquote(input) : input;
        var outExpr = IsParameterReference(output) ? Unquote(output) : output;
        var i = HasParameter("i") ? "at" : "i";
        return conditions.Select(condition => _t.Pick(2) == 0
                ? $"Repeat<Robust.Helpers.Unit>({count}, First = [{input}, {output}, {_t.OneOf("1", "2")}, true], Rest = [{output}, {output}], When = \"{condition}\")"
                : $"Repeat<Robust.Helpers.Unit>({_t.OneOf("1", "2")}, Each = [\"{i} == 0 ? {inExpr} : {outExpr}\", \"{outExpr}\", 1, \"{i} == 0\"], Index = \"{i}\", When = \"{condition}\")")
            .ToList();
    }

    /// <summary>
    /// A module NetGen has no attribute for, built by a method of the model whose parameters take the
    /// hyperparameters of the same name; with a <c>[Contract]</c> half of the time, so the shapes flow on.
    /// </summary>
    private string FactoryMember(bool preserve)
    {
        var input = _channels;
        var output = preserve ? input : OutChannels();
        var method = "Make" + _methods.Count;
        var hyperparameters = new[] { input, output }.Where(IsParameterReference).SelectMany(NamesIn).Distinct().ToList();
        var isStatic = _t.Chance(50) ? "static " : "";
        _methods.Add($"private {isStatic}Linear {method}({string.Join(", ", hyperparameters.Select(h => "int " + Id(h)))}) => nn.Linear({Expression(input)}, {Expression(output)});");
        var attributes = new List<string> { $"Factory(nameof({method}))" };
        // A contract dimension is an int, a hyperparameter or a free name; it takes no expression.
        if (_t.Chance(50) && !IsExpression(input) && !IsExpression(output))
        {
            attributes.Add($"Contract(Input = [{input}], Output = [{output}])");
        }

        _channels = output;
        return Member(attributes, "Linear", Unique("proj"), withInit: false);
    }

    /// <summary>A module the user creates in a field or an auto-property: NetGen registers it and wires nothing.</summary>
    private string FieldMember()
    {
        var name = Unique(_t.OneOf("extra", "aux", "cache"));
        return _t.Pick(3) switch
        {
            0 => $"private readonly ReLU {name} = nn.ReLU();",
            1 => $"public Linear {name} {{ get; }} = nn.Linear(4, 4);",
            _ => $"internal Dropout {name} = nn.Dropout(0.1);",
        };
    }

    /// <summary>A learnable tensor of the model itself; only a hand-written forward can use it.</summary>
    private string ParameterMember()
    {
        var shape = _t.OneOf($"1, {_channels}", $"{_channels}", "1, 1, 8", "0");
        var extra = _t.Chance(30) ? ", RequiresGrad = false" : "";
        return Member(new List<string> { $"Parameter({shape}{extra})" }, "Parameter", Unique("token"), withInit: false);
    }

    /// <summary>A parameter the generated forward adds or prepends (a position embedding, a class token), right or wrong.</summary>
    private string TokenMember()
    {
        var use = _t.OneOf("ParameterUse.Add", "ParameterUse.Prepend", "ParameterUse.Multiply");
        var shape = _t.OneOf($"1, 1, {_channels}", $"1, {_channels}", $"{_channels}", "1, 17, 8", "2, 1, 8", "1");
        var dim = _t.Chance(30) ? ", Dim = " + _t.OneOf("2", "-1", "0", "9") : "";
        return Member(new List<string> { $"Parameter({shape}, Use = {use}{dim})" }, "Parameter", Unique("token"), withInit: false);
    }

    /// <summary>The members written so far, other than <paramref name="name"/>, by the names a <c>Through</c> gives.</summary>
    private List<string> EarlierMemberNames(string name) =>
        _members.Select(m => m.Split('\n').Last()).Select(line => line.Split(' ')).Where(words => words.Length > 3 && words.Contains("partial"))
            .Select(words => words[Array.IndexOf(words, "partial") + 2].TrimStart('@')).Where(n => n != name.TrimStart('@')).ToList();

    /// <summary>A shortcut around this member and, sometimes, members declared after it (or a name that does not fit).</summary>
    private string ShortcutAttribute(string name)
    {
        // Only the member itself: the names of later members are not known yet (the flaws cover wrong ones).
        var through = _t.Chance(50) ? "" : $"Through = \"{name.TrimStart('@')}\"";
        var extras = new List<string>();
        if (through.Length > 0)
        {
            extras.Add(through);
        }

        if (HasParameter("flag") && _t.Chance(30))
        {
            extras.Add("When = \"flag\"");
        }

        if (_t.Chance(30))
        {
            extras.Add(_t.OneOf("Activation = Activation.ReLU", "Activation = Activation.GELU"));
        }

        return extras.Count == 0 ? "Residual" : $"Residual({string.Join(", ", extras)})";
    }

    private static bool IsParameterReference(string size) => size.StartsWith("\"", StringComparison.Ordinal);

    private static string Unquote(string size) => size.Trim('"');

    /// <summary>An expression of hyperparameters (<c>"width * 2"</c>) rather than one name.</summary>
    private static bool IsExpression(string size) => IsParameterReference(size) && !Unquote(size).All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>The hyperparameters a size names: one, or those of an expression.</summary>
    private static IEnumerable<string> NamesIn(string size) =>
        System.Text.RegularExpressions.Regex.Matches(Unquote(size), "[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value);

    /// <summary>A size as a C# expression inside the model: a literal, or the hyperparameters the method takes (as C# names).</summary>
    private static string Expression(string size) => IsParameterReference(size)
        ? System.Text.RegularExpressions.Regex.Replace(Unquote(size), "[A-Za-z_][A-Za-z0-9_]*", m => Id(m.Value))
        : size;

    /// <summary>A size only a long holds, which a block's int parameters cannot take.</summary>
    private static bool IsLongOnly(string size) => size.EndsWith("L", StringComparison.Ordinal);

    /// <summary>Consecutive [Branch] members see the same input; their outputs are concatenated.</summary>
    private int _factorisedBranches;
    private int _memberShortcuts;

    private void WriteBranchGroup()
    {
        var input = _channels;
        var total = 0;
        var count = 2 + _t.Pick(2);
        _branchGroups++;
        _lastGroupSize = count;
        for (var i = 0; i < count; i++)
        {
            var width = _t.OneOf(4, 8, 16);
            total += width;
            if (_memberShortcuts == 0 && _t.Chance(25))
            {
                WriteFactorisedBranch(input, width);
                continue;
            }

            var attributes = new List<string> { "Branch" };
            string type;
            if (_t.Chance(50))
            {
                attributes.Add($"Conv2d({input}, {width}, {_t.OneOf(1, 3)}, Padding = \"same\")");
                attributes.Add(_t.OneOf("ReLU", "SiLU"));
                type = "Conv2d";
            }
            else
            {
                attributes.Add($"Conv2d({input}, {width}, 1)");
                attributes.Add($"BatchNorm2d({width})");
                type = "Sequential";
            }

            _members.Add(Member(attributes, type, Unique("branch"), withInit: false));
        }

        _channels = total.ToString();

        // Two groups in a row would merge into one, which is still valid but changes the count; a plain member separates them.
        _members.Add(Member(new List<string> { "ReLU" }, "ReLU", Unique("act"), withInit: false));
    }

    /// <summary>
    /// Inception v3's factorised branch: a 1×k then a k×1 convolution, two named members that are one branch
    /// (<c>[Branch(Through = …)]</c>), with the kernel and padding as per-dimension lists whose items may be expressions.
    /// </summary>
    private void WriteFactorisedBranch(string input, int width)
    {
        _factorisedBranches++;
        var first = Unique("branch");
        var second = Unique("branch", mayBeOdd: false);
        var (k, pad) = HasParameter("width") && _t.Chance(50) ? ("\"width > 4 ? 3 : 1\"", "\"(width > 4 ? 3 : 1) / 2\"") : ("3", "1");
        _members.Add(Member(
            new List<string> { $"Branch(Through = \"{second.TrimStart('@')}\")", $"Conv2d({input}, {width}, new object[] {{ 1, {k} }}, Padding = new object[] {{ 0, {pad} }})" },
            "Conv2d", first, withInit: false));
        _members.Add(Member(
            new List<string> { $"Conv2d({width}, {width}, new object[] {{ {k}, 1 }}, Padding = new object[] {{ {pad}, 0 }})", "ReLU" },
            "Sequential", second, withInit: false));
    }

    private string Member(List<string> attributes, string type, string name, bool withInit)
    {
        if (withInit && _t.Chance(15))
        {
            attributes.Add(_t.OneOf("Init(InitKind.Zeros)", "Init(InitKind.Constant, Value = 0.5)", "Init(InitKind.KaimingUniform, Nonlinearity = Nonlinearity.ReLU)", "Init(InitKind.Normal, Std = 0.02, Bias = InitKind.Zeros)"));
        }

        var access = _t.OneOf("public", "public", "internal", "private");
        return $"[{string.Join(", ", attributes)}]\n{access} partial {type} {name} {{ get; }}";
    }

    // ---- the flawed member ---------------------------------------------------------------

    private string FlawedMember()
    {
        var name = Unique(_t.OneOf(MemberNames));
        var c = _channels;
        return _flaw switch
        {
            Flaw.MemberNotPartial => $"[Conv2d({c}, 8, 3)]\npublic Conv2d {name} {{ get; }} = null!;",
            Flaw.MemberWithSetter => _t.Chance(50)
                ? $"[Conv2d({c}, 8, 3)]\npublic partial Conv2d {name} {{ get; set; }}"
                : $"[Linear(4, 8)]\npublic static partial Linear {name} {{ get; }}",
            Flaw.MemberTypeMismatch => _t.OneOf(
                $"[Conv2d({c}, 8, 3)]\npublic partial Linear {name} {{ get; }}",
                $"[Conv2d({c}, 8, 3), Conv2d(8, 8, 3)]\npublic partial Conv2d {name} {{ get; }}",
                $"[ReLU]\npublic partial Tensor {name} {{ get; }}",
                $"[Linear(4, 8)]\npublic partial int {name} {{ get; }}"),
            Flaw.SecondStatefulLayer => $"[Conv2d({c}, 8, 3), BatchNorm2d(8)]\npublic partial Conv2d {name} {{ get; }}",
            Flaw.RepeatOnLayerMember => $"[Repeat<Robust.Helpers.Unit>(2, First = [{c}, 8], Rest = [8, 8])]\npublic partial Robust.Helpers.Unit {name} {{ get; }}",
            Flaw.RepeatChoiceOverlap => _t.OneOf(
                $"[Repeat<Robust.Helpers.Unit>(2, First = [{c}, 8, 1, true], Rest = [8, 8], When = \"flag\")]\n[Repeat<Robust.Helpers.Unit>(1, First = [{c}, 8, 1, true], When = \"flag || !flag\")]\npublic partial Sequential {name} {{ get; }}",
                $"[Repeat<Robust.Helpers.Unit>(2, First = [{c}, 8, 1, true], Rest = [8, 8], When = \"flag\")]\n[Repeat<Robust.Helpers.Unit>(1, First = [{c}, 8, 1, true])]\npublic partial Sequential {name} {{ get; }}",
                $"[Repeat<Robust.Helpers.Unit>(2, First = [{c}, 8, 1, true], Rest = [8, 8], When = \"flag\")]\npublic partial Sequential {name} {{ get; }}",
                $"[Repeat<Robust.Helpers.Unit>(2, First = [{c}, 8, 1, true], Rest = [8, 8], When = \"flag && 1 > 2\")]\n[Repeat<Robust.Helpers.Unit>(1, First = [{c}, 8, 1, true], When = \"!flag\")]\npublic partial Sequential {name} {{ get; }}"),
            Flaw.BlockOnSequential => $"[Block({c}, 8), Conv2d({c}, 8, 3)]\npublic partial Sequential {name} {{ get; }}",
            Flaw.WhenNotBool => $"[When(\"{_t.OneOf("c0", "depth", "c0 * depth + 1")}\"), ReLU]\npublic partial Sequential? {name} {{ get; }}",
            Flaw.WhenUnknown => $"[When(\"{_t.OneOf("missing", "Flag", "", "missing != 1 || (", "1 > 2")}\"), ReLU]\npublic partial Sequential? {name} {{ get; }}",
            Flaw.WhenOnNonNullable => $"[When(\"flag\"), ReLU]\npublic partial Sequential {name} {{ get; }}",
            Flaw.BlockWrongArity => _t.OneOf(
                $"[Block({c})]\npublic partial Robust.Helpers.Unit {name} {{ get; }}",
                $"[Block]\npublic partial Robust.Helpers.Unit {name} {{ get; }}",
                $"[Block({c}, 8, 1, true, 5)]\npublic partial Robust.Helpers.Unit {name} {{ get; }}",
                $"[Block(1)]\npublic partial Robust.Helpers.Plain {name} {{ get; }}",
                $"[Repeat<Robust.Helpers.Unit>(2, Rest = [8, 8])]\npublic partial Sequential {name} {{ get; }}",
                $"[Repeat<Robust.Helpers.Unit>(2, First = [{c}, 8, 1, true, 0])]\npublic partial Sequential {name} {{ get; }}"),
            Flaw.BlockWrongType => _t.OneOf(
                $"[Block({c}, 3.5)]\npublic partial Robust.Helpers.Unit {name} {{ get; }}",
                $"[Block({c}, 8, true)]\npublic partial Robust.Helpers.Unit {name} {{ get; }}",
                $"[Block({c}, 8, 1, 1)]\npublic partial Robust.Helpers.Unit {name} {{ get; }}",
                $"[Repeat<Robust.Helpers.Unit>(2, First = [{c}, 8.0], Rest = [8, 8])]\npublic partial Sequential {name} {{ get; }}"),
            Flaw.RepeatZero => $"[Repeat<Robust.Helpers.Unit>({_t.OneOf(0, -1)}, First = [{c}, 8], Rest = [8, 8])]\npublic partial Sequential {name} {{ get; }}",
            Flaw.DuplicateMember => DuplicateOf(name),
            Flaw.ReservedMemberName => ReservedMember(),
            Flaw.BlockCycle => CycleMember(name),
            Flaw.RepeatTooLong => $"[Repeat<Robust.Helpers.Unit>({_t.OneOf("10001", "100000", "int.MaxValue", "long.MaxValue")}, First = [{c}, 8], Rest = [8, 8])]\npublic partial Sequential {name} {{ get; }}",
            Flaw.FactoryMissingMethod => $"[Factory({_t.OneOf("\"Missing\"", "\"\"", "nameof(System.Math.Abs)")})]\npublic partial Linear {name} {{ get; }}",
            Flaw.ParameterInGeneratedForward => $"[Parameter(1, 4)]\npublic partial Parameter {name} {{ get; }}",
            Flaw.ParameterUseUnknown => $"[Parameter(1, 1, {c}, Use = (ParameterUse){_t.OneOf("4", "7", "(-1)")})]\npublic partial Parameter {name} {{ get; }}",
            Flaw.ShortcutUnknownMember => $"[ReLU, Residual(Through = \"{_t.OneOf("nope", "", "Keys", name.TrimStart('@') + "x")}\")]\npublic partial ReLU {name} {{ get; }}",
            Flaw.ShortcutBackwards => EarlierMemberNames(name).Count > 0 && _t.Chance(60)
                ? $"[ReLU, Residual(Through = \"{_t.OneOf(EarlierMemberNames(name).ToArray())}\")]\npublic partial ReLU {name} {{ get; }}"
                : $"[ReLU, Residual(Shortcut = \"{name.TrimStart('@')}\")]\npublic partial ReLU {name} {{ get; }}",
            _ when ArgumentFlaws.Contains(_flaw) => _t.Chance(50)
                ? $"[{FlawedLayer()}]\npublic partial Sequential {name} {{ get; }}"
                : FlawedLayerMember(name),
            _ => throw new InvalidOperationException("No member carries " + _flaw),
        };
    }

    /// <summary>
    /// A use of a model that leads back to this one: itself, or through one to three other models declared
    /// beside it, each link a [Block] member, a [Block&lt;T&gt;] child of a Sequential or a [Repeat&lt;T&gt;] stage.
    /// </summary>
    private string CycleMember(string name)
    {
        var others = _t.Pick(4);
        var chain = Enumerable.Range(0, others).Select(i => $"{_modelName}Loop{i}").Append(_modelName).ToList();
        for (var i = 0; i < others; i++)
        {
            _extraModels.Add($"[Model]\ninternal partial class {chain[i]} : nn.Module<Tensor, Tensor>\n{{\n    {Link(chain[i + 1], "next").Replace("\n", "\n    ")}\n}}\n");
        }

        return Link(chain[0], name);
    }

    /// <summary>A member named like one NetGen generates or calls; hiding an inherited method takes <c>new</c>.</summary>
    private string ReservedMember()
    {
        var reserved = _t.OneOf(ReservedNames);
        var modifier = reserved.StartsWith("new ", StringComparison.Ordinal) ? "new " : "";
        return $"[ReLU]\npublic {modifier}partial ReLU {reserved.Substring(modifier.Length)} {{ get; }}";
    }

    /// <summary>One link of a cycle; internal, so that the models' own accessibility (the case's may be internal) never conflicts.</summary>
    private string Link(string target, string name) => _t.Pick(3) switch
    {
        0 => $"[Block]\ninternal partial {target} {name} {{ get; }}",
        1 => $"[Block<{target}>, ReLU]\ninternal partial Sequential {name} {{ get; }}",
        _ => $"[Repeat<{target}>({_t.OneOf(1, 2, 100)})]\ninternal partial Sequential {name} {{ get; }}",
    };

    private string DuplicateOf(string fresh)
    {
        var others = _names.Where(n => Id(n) != fresh).ToList();
        var name = others.Count > 0 ? Id(others[_t.Pick(others.Count)]) : fresh;
        _members.Add($"[ReLU]\npublic partial ReLU {name} {{ get; }}");
        return $"[Sigmoid]\npublic partial Sigmoid {name} {{ get; }}";
    }

    /// <summary>A single-layer member whose module attribute has the flawed argument.</summary>
    private string FlawedLayerMember(string name)
    {
        var layer = FlawedLayer();
        var kind = layer.Substring(0, layer.IndexOf('(') is var p and > 0 ? p : layer.Length);
        return $"[{layer}]\npublic partial {kind} {name} {{ get; }}";
    }

    private string FlawedLayer()
    {
        var c = _channels;
        return _flaw switch
        {
            Flaw.NonPositiveSize => _t.OneOf($"Conv2d({c}, 0, 3)", $"Conv2d({c}, 8, -1)", "Linear(0, 4)", $"Conv2d({c}, 8, 3, Stride = 0)", $"BatchNorm2d(0)", "MaxPool2d(0)", $"Conv2d({c}, 8, new[] {{ 3, 0 }})", $"GroupNorm(0, {c})", "Embedding(10, 0)", "AdaptiveAvgPool2d(0)"),
            Flaw.NegativePadding => _t.OneOf($"Conv2d({c}, 8, 3, Padding = -1)", "MaxPool2d(2, Padding = -1)", $"ConvTranspose2d({c}, 8, 3, OutputPadding = -2)"),
            Flaw.DoubleForInt => _t.OneOf($"Conv2d({c}, 8, 3.5)", $"Conv2d({c}, 2.5, 3)", "Linear(4, 8.0)", $"Conv2d({c}, 8, 3, Stride = 1.5)", "MaxPool2d(2.0)", "BatchNorm2d(1.5)", $"Conv2d({c}, 8, 3, Padding = 0.5)"),
            Flaw.BoolForInt => _t.OneOf($"Conv2d({c}, true, 3)", "Linear(false, 4)", $"Conv2d({c}, 8, 3, Groups = true)", "MaxPool2d(true)"),
            Flaw.UnknownHyperparameter => _t.OneOf($"Conv2d({c}, \"x\", 3)", "Linear(\"inFeatures\", 4)", $"Conv2d({c}, 8, 3, Stride = \"s\")", "BatchNorm2d(\"C0\")", "LayerNorm(\"widht\")"),
            Flaw.PaddingKeywordNotAllowed => _t.OneOf($"ConvTranspose2d({c}, 8, 3, Padding = \"same\")", "MaxPool2d(3, Padding = \"same\")", "AvgPool2d(2, Padding = \"valid\")", $"Conv2d({c}, 8, 3, Padding = \"full\")", $"Conv2d({c}, 8, \"same\")"),
            Flaw.DropoutOutOfRange => _t.OneOf("Dropout(1.5)", "Dropout(-0.1)"),
            Flaw.UnknownGeluApproximation => _t.OneOf("GELU(Approximate = \"fast\")", "GELU(Approximate = \"\")"),
            Flaw.NonIntParameterAsSize => _t.OneOf($"Conv2d({c}, \"flag\", 3)", "Linear(\"rate\", 4)", $"Conv2d({c}, 8, 3, Stride = \"flag\")", "BatchNorm2d(\"rate\")"),
            Flaw.ExpressionUnknownName => _t.OneOf($"Conv2d({c}, \"missing * 2\", 3)", "Linear(4, \"(size + 1) / 2\")", $"Conv2d({c}, 8, 3, Stride = \"1 + strides\")"),
            Flaw.ExpressionWrongType => _t.OneOf($"Conv2d({c}, \"2 > 1\", 3)", "Linear(4, \"8 / 2.5\")", $"Conv2d({c}, 8, \"3 == 3 && true\")", "BatchNorm2d(\"1 > 0 ? 8 : 2.5\")"),
            Flaw.ExpressionFailsAtDefaults => _t.OneOf($"Conv2d({c}, \"8 / (2 - 2)\", 3)", "Linear(4, \"16 % (1 - 1)\")", $"Conv2d({c}, \"8 - 8\", 3)"),
            _ => throw new InvalidOperationException("No layer carries " + _flaw),
        };
    }

    // ---- layers --------------------------------------------------------------------------

    /// <summary>The seed's layers, or (a third of the time) one of issue 12's catalogue.</summary>
    private string Module() => _t.Chance(33)
        ? _t.OneOf(CatalogueLayers)
        : _t.OneOf("Conv2d", "BatchNorm2d", "ReLU", "Linear", "MaxPool2d", "Conv1d", "ConvTranspose2d", "BatchNorm1d",
            "LayerNorm", "GroupNorm", "AvgPool2d", "AdaptiveAvgPool2d", "Dropout", "Flatten", "Embedding", "ReLU6", "LeakyReLU", "GELU", "SiLU", "Sigmoid", "Tanh", "Softmax");

    private string OutChannels(bool extreme = true)
    {
        if (HasParameter("width") && _t.Chance(30))
        {
            // issue 12's expressions: arithmetic on a hyperparameter, or a choice by a comparison
            return _t.OneOf("\"width\"", "\"width * 2\"", "\"(width + 1) / 2\"", "\"width % 3 + width\"", "\"width >= 8 ? width : 8\"");
        }

        if (OddSize() is { } odd && _t.Chance(20))
        {
            return $"\"{odd}\"";
        }

        // Sizes near the limits: int.MaxValue channels, and 2^62, which only a long holds.
        return extreme && _t.Chance(4) ? _t.OneOf("2147483647", "4611686018427387904L") : _t.OneOf(8, 4, 16, 32).ToString();
    }

    /// <summary>A layer attribute taking the running channel count, which it then updates.</summary>
    private string Layer(string kind, bool preserve)
    {
        var c = _channels;
        string Next() => _channels = preserve ? c : OutChannels();
        string Opt(params string[] options) => _t.Chance(40) ? ", " + string.Join(", ", options.Where(_ => _t.Chance(50))) : "";
        string Clean(string s) => s.Replace(", , ", ", ").TrimEnd(' ', ',').Replace(", )", ")");

        var text = kind switch
        {
            "Conv2d" => Conv2d(c, Next()),
            "Conv1d" => $"Conv1d({c}, {Next()}, {_t.OneOf(1, 3, 5)}{Opt("Stride = 2", "Padding = 1", "Bias = false", $"Dilation = {_t.OneOf(1, 2)}")})",
            "ConvTranspose2d" => $"ConvTranspose2d({c}, {Next()}, {_t.OneOf(2, 3, 4)}{Opt("Stride = 2", "Padding = 1", "Bias = false", "Dilation = 1")})",
            "BatchNorm2d" or "BatchNorm1d" => $"{kind}({c}{Opt("Eps = 0.001", "Momentum = 0.01", "Affine = false", "TrackRunningStats = false")})",
            "LayerNorm" => $"LayerNorm({c}{Opt("Eps = 1e-6", "ElementwiseAffine = false")})",
            "GroupNorm" => $"GroupNorm(1, {c}{Opt("Eps = 1e-6", "Affine = false")})",
            "Linear" => $"Linear({c}, {Next()}{Opt("Bias = false")})",
            "Embedding" => $"Embedding({_t.OneOf(10, 100)}, {Next()}{Opt("PaddingIdx = 0")})",
            "PReLU" => _t.OneOf("PReLU", $"PReLU(NumParameters = {c})", "PReLU(NumParameters = 1, Init = 0.1)"),
            "InstanceNorm2d" or "BatchNorm3d" => $"{kind}({c}{Opt("Eps = 0.001", "Momentum = 0.01", "Affine = true", "TrackRunningStats = true")})",
            "LayerNorm2d" => $"LayerNorm2d({c}{Opt("Eps = 1e-6", "ElementwiseAffine = false")})",
            "Conv3d" => $"Conv3d({c}, {Next()}, {_t.OneOf("1", "3", "new[] { 1, 3, 3 }")}{Opt("Stride = 2", "Padding = 1", "Bias = false")})",
            _ => Stateless1(kind),
        };
        return Clean(text);
    }

    private string Conv2d(string input, string output)
    {
        var kernel = _t.OneOf("3", "1", "5", "new[] { 3, 1 }", "new[] { 1, 3 }");
        var args = new List<string> { input, output, kernel };
        var strided = false;
        if (_t.Chance(30))
        {
            args.Add($"Stride = {_t.OneOf("2", "1", "new[] { 2, 1 }", HasParameter("depth") ? "\"depth\"" : "2")}");
            strided = true;
        }

        if (_t.Chance(40))
        {
            // PyTorch rejects padding='same' on strided convolutions.
            args.Add($"Padding = {(strided ? _t.OneOf("1", "0", "\"valid\"") : _t.OneOf("1", "\"same\"", "\"valid\"", "0", "new[] { 1, 0 }"))}");
        }

        if (_t.Chance(20))
        {
            args.Add($"Dilation = {_t.OneOf("1", "2")}");
        }

        if (_t.Chance(20) && input == output)
        {
            args.Add($"Groups = {input}");
        }

        if (_t.Chance(30))
        {
            args.Add($"Bias = {_t.OneOf("false", "true")}");
        }

        return $"Conv2d({string.Join(", ", args)})";
    }

    /// <summary>A parameter-free layer: the same text serves as a module or as a functional op.</summary>
    private string Stateless1(string kind) => kind switch
    {
        "ReLU" or "ReLU6" or "SiLU" => _t.Chance(30) ? $"{kind}(Inplace = {_t.OneOf("true", "false")})" : kind,
        "LeakyReLU" => _t.OneOf("LeakyReLU", "LeakyReLU(0.2)", "LeakyReLU(0.1, Inplace = true)"),
        "GELU" => _t.OneOf("GELU", "GELU(Approximate = \"tanh\")", "GELU(Approximate = \"none\")"),
        "Softmax" => $"Softmax({_t.OneOf(1, -1, 0)})",
        "Flatten" => _t.OneOf("Flatten", "Flatten(StartDim = 1)", "Flatten(StartDim = 0, EndDim = -1)"),
        "Dropout" => _t.OneOf("Dropout", "Dropout(0.1)", "Dropout(0.0)", "Dropout(1.0)", "Dropout(0.25, Inplace = true)"),
        "MaxPool2d" => _t.OneOf("MaxPool2d(2)", "MaxPool2d(3, Stride = 2, Padding = 1)", "MaxPool2d(2, Stride = 2)", "MaxPool2d(new[] { 2, 2 })", "MaxPool2d(3, Dilation = 2, CeilMode = true)"),
        "AvgPool2d" => _t.OneOf("AvgPool2d(2)", "AvgPool2d(3, Stride = 1, Padding = 1)", "AvgPool2d(2, CeilMode = true, CountIncludePad = false)", "AvgPool2d(new[] { 2, 1 })"),
        "AdaptiveAvgPool2d" => _t.OneOf("AdaptiveAvgPool2d(1)", "AdaptiveAvgPool2d(new[] { 1, 1 })", "AdaptiveAvgPool2d(7)"),
        "Hardswish" or "Hardsigmoid" or "SELU" or "Mish" => _t.Chance(30) ? $"{kind}(Inplace = {_t.OneOf("true", "false")})" : kind,
        "ELU" => _t.OneOf("ELU", "ELU(0.5)", "ELU(1.0, Inplace = true)"),
        "Softplus" => _t.OneOf("Softplus", "Softplus(2.0)", "Softplus(1.0, 10.0)"),
        "Hardtanh" => _t.OneOf("Hardtanh", "Hardtanh(0.0, 6.0)", "Hardtanh(-2.0, 2.0, Inplace = true)"),
        "LogSoftmax" => $"LogSoftmax({_t.OneOf(1, -1)})",
        "Dropout1d" or "Dropout2d" => _t.OneOf(kind, $"{kind}(0.1)", $"{kind}(0.5, Inplace = true)"),
        "LocalResponseNorm" => _t.OneOf("LocalResponseNorm(2)", "LocalResponseNorm(5, Alpha = 1e-4, Beta = 0.75, K = 2.0)"),
        "ZeroPad2d" => _t.OneOf("ZeroPad2d(1)", "ZeroPad2d(new[] { 0, 1, 0, 1 })"),
        "ConstantPad2d" => _t.OneOf("ConstantPad2d(1, 0.0)", "ConstantPad2d(new[] { 1, 1, 2, 0 }, -1.0)"),
        "MaxPool1d" => _t.OneOf("MaxPool1d(2)", "MaxPool1d(3, Stride = 2)"),
        "AvgPool1d" => _t.OneOf("AvgPool1d(2)", "AvgPool1d(3, Stride = 1, Padding = 1)"),
        "AdaptiveMaxPool2d" => _t.OneOf("AdaptiveMaxPool2d(1)", "AdaptiveMaxPool2d(new[] { 2, 2 })"),
        "AdaptiveAvgPool1d" => _t.OneOf("AdaptiveAvgPool1d(1)", "AdaptiveAvgPool1d(4)"),
        "Unflatten" => _t.OneOf("Unflatten(1, 2, 2)", "Unflatten(-1, 1, 1)"),
        "PixelShuffle" => _t.OneOf("PixelShuffle(1)", "PixelShuffle(2)"),
        "Upsample" => _t.OneOf("Upsample(ScaleFactor = 2.0)", "Upsample(ScaleFactor = 2.0, Mode = \"bilinear\")", "Upsample(Size = 8)"),
        "StochasticDepth" => _t.OneOf("StochasticDepth(0.1, \"row\")", "StochasticDepth(0.0, \"batch\")"),
        "Permute" => _t.OneOf("Permute(0, 2, 3, 1)", "Permute(0, 1, 2, 3)"),
        "Mean" => _t.OneOf("Mean(2, 3)", "Mean(-1)", "Mean(1, Keepdim = true)", "Mean(0)", "Mean(2, 2)", "Mean(5)"),
        "ChannelShuffle" => _t.OneOf("ChannelShuffle(2)", "ChannelShuffle(3)", "ChannelShuffle(1)"),
        "Select" => _t.OneOf("Select(1, 0)", "Select(-1, 0)", "Select(2, 5)", "Select(1, -1)", "Select(0, 0)", "Select(3, 0)"),
        _ => kind,
    };

    private string FunctionalOp(string? except = null) => Stateless1(_t.OneOf(Stateless.Where(k => k != except).ToArray()));

    private static string NameFor(string kind) => kind switch
    {
        "Conv2d" or "Conv1d" or "ConvTranspose2d" => "conv",
        "BatchNorm2d" or "BatchNorm1d" or "LayerNorm" or "GroupNorm" => "norm",
        "Linear" => "fc",
        "MaxPool2d" or "AvgPool2d" or "AdaptiveAvgPool2d" => "pool",
        "Embedding" => "embed",
        "Dropout" or "Dropout1d" or "Dropout2d" or "StochasticDepth" => "drop",
        "PReLU" => "act",
        "InstanceNorm2d" or "BatchNorm3d" or "LayerNorm2d" or "LocalResponseNorm" => "norm",
        "Conv3d" => "conv",
        "MaxPool1d" or "AvgPool1d" or "AdaptiveMaxPool2d" or "AdaptiveAvgPool1d" => "pool",
        _ => "act",
    };

    /// <summary>A member name not used yet, sometimes an odd one (<see cref="OddNames"/>), as the C# identifier to declare.</summary>
    private string Unique(string name, bool mayBeOdd = true)
    {
        if (mayBeOdd && _t.Chance(20))
        {
            name = _t.OneOf(OddNames);
        }

        var candidate = name;
        for (var i = 1; !_names.Add(candidate); i++)
        {
            candidate = name + i;
        }

        return Id(candidate);
    }

    /// <summary>The identifier for a name: keywords take an @ (<c>@class</c>); contextual keywords are identifiers as they are.</summary>
    private static string Id(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private IEnumerable<string> InitRules()
    {
        var count = _t.Chance(30) ? 1 + _t.Pick(2) : 0;
        for (var i = 0; i < count; i++)
        {
            yield return _t.OneOf(
                "Init<Conv2d>(InitKind.KaimingNormal, Mode = FanMode.FanOut, Nonlinearity = Nonlinearity.ReLU)",
                "Init<Linear>(InitKind.Normal, Mean = 0, Std = 0.01, Bias = InitKind.Zeros)",
                "Init<BatchNorm2d>(InitKind.Ones, Bias = InitKind.Zeros)",
                "Init<Conv2d>(InitKind.Uniform, A = -0.1, B = 0.1)",
                "Init<Linear>(InitKind.XavierUniform, Gain = 2)",
                "Init<Conv1d>(InitKind.Orthogonal)");
        }
    }

    // ---- the file ------------------------------------------------------------------------

    private string Render(List<string> classAttributes, Mode mode)
    {
        var s = new StringBuilder();
        s.Append("using NetGen;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\n");
        var ns = _t.OneOf("file", "block", "global");
        if (ns == "file")
        {
            s.Append("\nnamespace Robust.Cases;\n");
        }
        else if (ns == "block")
        {
            s.Append("\nnamespace Robust.Cases\n{\n");
        }

        // The models of a cycle name this one by its simple name, so it is neither nested nor generic.
        var outers = Is(Flaw.OuterNotPartial) ? 1 + _t.Pick(2) : _t.Chance(20) && !Is(Flaw.BlockCycle) ? 1 + _t.Pick(2) : 0;
        var notPartialOuter = Is(Flaw.OuterNotPartial) ? _t.Pick(outers) : -1;
        var closers = new List<string>();
        for (var i = 0; i < outers; i++)
        {
            var (modifier, keyword) = _t.OneOf(("", "class"), ("static ", "class"), ("", "struct"), ("", "class"), ("", "record"));
            var generic = _t.Chance(20) ? $"<TOuter{i}>" : "";
            s.Append($"\npublic {modifier}{(i == notPartialOuter ? "" : "partial ")}{keyword} Outer{i}{generic}\n{{\n");
            closers.Add("}\n");
        }

        var name = _modelName;
        var generic2 = _t.Chance(15) && !Is(Flaw.BlockCycle) ? _t.OneOf("<T>", "<T, U>", "<T>") : "";
        var baseType = Is(Flaw.NotAModule)
            ? _t.OneOf("", " : System.Object", " : nn.Module", " : nn.Module<Tensor, Tensor, Tensor>", " : System.Attribute")
            : Is(Flaw.ModelInheritance) ? _t.OneOf(" : Robust.Helpers.Plain", " : Robust.Helpers.Unit")
            : _t.Chance(15) ? " : Robust.Helpers.ModuleBase" : " : nn.Module<Tensor, Tensor>";
        var partial = Is(Flaw.ClassNotPartial) ? "" : "partial ";
        var primary = Is(Flaw.PrimaryConstructor) ? $"({(_parameters.Count == 0 ? "int c0" : ConstructorParameters())})" : "";
        if (Is(Flaw.PrimaryConstructor) && baseType.Contains("nn.Module<Tensor, Tensor>"))
        {
            baseType += $"(nameof({name}))";
        }

        foreach (var attribute in classAttributes)
        {
            s.Append('[').Append(attribute).Append("]\n");
        }

        var sealedness = _t.OneOf("public ", "public sealed ", "internal ");
        s.Append($"{sealedness}{partial}class {name}{generic2}{primary}{baseType}\n{{\n");
        var ctorName = name;
        if (!Is(Flaw.PrimaryConstructor))
        {
            var access = _t.OneOf("public", "public", "internal", "private");
            if (Is(Flaw.ConstructorWithBody))
            {
                var call = baseType.Contains("ModuleBase") || baseType.Contains("nn.Module<Tensor, Tensor>") ? $" : base(\"{name}\")" : "";
                s.Append($"    public {ctorName}({ConstructorParameters()}){call} {{ }}\n");
            }
            else if (_parameters.Count > 0 || _t.Chance(30) || Is(Flaw.TwoPartialConstructors))
            {
                s.Append($"    {access} partial {ctorName}({ConstructorParameters()});\n");
                if (Is(Flaw.TwoPartialConstructors))
                {
                    s.Append($"    {access} partial {ctorName}(string tag);\n");
                }
            }
        }

        if (_handWrittenForward)
        {
            s.Append("\n    public override Tensor forward(Tensor input) => input.alias();\n");
        }

        foreach (var method in _methods)
        {
            s.Append("\n    ").Append(method).Append('\n');
        }

        foreach (var member in _members)
        {
            s.Append('\n');
            foreach (var line in member.Split('\n'))
            {
                s.Append("    ").Append(line).Append('\n');
            }
        }

        s.Append("}\n");
        for (var i = closers.Count - 1; i >= 0; i--)
        {
            s.Append(closers[i]);
        }

        foreach (var model in _extraModels)
        {
            s.Append('\n').Append(model);
        }

        if (ns == "block")
        {
            s.Append("}\n");
        }

        return s.ToString();
    }
}
