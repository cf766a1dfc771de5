using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Descriptors;

/// <summary>
/// A model's declaration in a compact, versioned text that travels with its assembly (see
/// <c>NetGen.ModelDescriptorAttribute</c>), so that another project's generator checks and infers across the
/// boundary as within one project. It holds what shape analysis needs, with sizes already inferred, and
/// nothing about source locations: failures inside a foreign block are reported at its use site.
/// </summary>
internal static class ModelDescriptor
{
    /// <summary>The format's name and version; a reader refuses any other and treats the model as opaque.</summary>
    public const string Version = FormatName + "/1";

    private const string FormatName = "NetGen.ModelDescriptor";

    private const string GateAndChunkSection = "gate+chunk";

    private const string SplitSizesSection = "split";

    private const string ParameterUseSection = "parameter-use";

    private const string ResidualSpanSection = "residual-span";

    private const string AuxiliarySection = "auxiliary";

    private const string BranchSpanSection = "branch-span";

    private const string KnownFieldSection = "known-field";

    private const string FieldLayerSection = "field-layer";

    private const string FieldSequenceSection = "field-sequence";

    private const string FieldModuleListSection = "field-module-list";

    /// <summary>How a ModuleList field's type begins, fully qualified: a field the field-module-list section may fill in.</summary>
    private const string ModuleListType = "global::TorchSharp.Modules.ModuleList<";

    public static string Write(ModelSpec model)
    {
        var writer = new TokenWriter().Text(Version);
        WriteModel(writer, model);
        return Checksum.Seal(writer.ToString());
    }

    private static void WriteModel(TokenWriter writer, ModelSpec model)
    {
        var shell = model.Shell;
        writer.Text(shell.Namespace).Text(shell.Name).Text(shell.MetadataName)
            .List(shell.ContainingTypes, WriteDeclaration);
        WriteDeclaration(writer, shell.Declaration);
        writer.List(shell.Parameters, (w, p) => w.Text(p.Name).Text(p.TypeName).Text(p.DefaultValue).Flag(p.IsParams))
            .Flag(shell.HasPartialConstructor).Flag(shell.DeclaresForward)
            .List(model.Members, WriteMember);
        writer.Flag(model.Residual is not null);
        if (model.Residual is { } residual)
        {
            writer.Text(residual.ShortcutMember).Text(residual.Activation).Text(residual.When);
        }

        writer.List(model.Input, WriteArg);
        WriteGateAndChunk(writer, model);
        WriteParameterUses(writer, model);
        WriteResidualSpans(writer, model);
        WriteAuxiliaries(writer, model);
        WriteBranchSpans(writer, model);
        WriteSplitSizes(writer, model);
        WriteKnownFields(writer, model);
        WriteFieldLayers(writer, model);
        WriteFieldSequences(writer, model);
        WriteFieldModuleLists(writer, model);
    }

    /// <summary>Fields NetGen follows as the layer their sealed type is (<see cref="MemberSpec.KnownLayer"/>), an optional last section.</summary>
    private static void WriteKnownFields(TokenWriter writer, ModelSpec model)
    {
        var fields = model.Members.Where(m => m.KnownLayer is not null && !m.KnownLayerHasArguments).ToEquatableArray();
        if (!fields.IsEmpty)
        {
            writer.Text(KnownFieldSection).List(fields, (w, m) => w.Text(m.Name).Text(m.KnownLayer!.Kind.ToString()));
        }
    }

    /// <summary>
    /// Fields NetGen follows as the layer their initializer builds, arguments and all (<see cref="MemberSpec.KnownLayerHasArguments"/>),
    /// a section of their own after the others: a NetGen that predates it refuses the model rather than miss the layer.
    /// </summary>
    private static void WriteFieldLayers(TokenWriter writer, ModelSpec model)
    {
        var fields = model.Members.Where(m => m.KnownLayer is not null && m.KnownLayerHasArguments).ToEquatableArray();
        if (!fields.IsEmpty)
        {
            writer.Text(FieldLayerSection).List(fields, (w, m) => WriteLayer(w.Text(m.Name), m.KnownLayer!));
        }
    }

    /// <summary>Fields holding the <c>nn.Sequential(…)</c> their initializer builds (<see cref="MemberSpec.KnownChildren"/>), each child with its name.</summary>
    private static void WriteFieldSequences(TokenWriter writer, ModelSpec model)
    {
        var fields = model.Members.Where(m => !m.KnownChildren.IsEmpty && !m.KnownChildrenAreModuleList).ToEquatableArray();
        if (!fields.IsEmpty)
        {
            writer.Text(FieldSequenceSection).List(fields, (w, m) => w.Text(m.Name).List(m.KnownChildren, (c, child) => WriteLayer(c.Text(child.Name), child)));
        }
    }

    /// <summary>Fields holding the <c>nn.ModuleList&lt;T&gt;(…)</c> their initializer builds, each child at its position.</summary>
    private static void WriteFieldModuleLists(TokenWriter writer, ModelSpec model)
    {
        var fields = model.Members.Where(m => m.KnownChildrenAreModuleList).ToEquatableArray();
        if (!fields.IsEmpty)
        {
            writer.Text(FieldModuleListSection).List(fields, (w, m) => w.Text(m.Name).List(m.KnownChildren, (c, child) => WriteLayer(c, child)));
        }
    }

    /// <summary>Branches of several members (<c>[Branch(Through = …)]</c>), an optional last section like the others.</summary>
    private static void WriteBranchSpans(TokenWriter writer, ModelSpec model)
    {
        var spans = model.Members.Where(m => m.BranchThrough is not null).ToEquatableArray();
        if (!spans.IsEmpty)
        {
            writer.Text(BranchSpanSection).List(spans, (w, m) => w.Text(m.Name).Text(m.BranchThrough));
        }
    }

    /// <summary>Members the generated forward does not run (<c>[Auxiliary]</c>), an optional last section like the others.</summary>
    private static void WriteAuxiliaries(TokenWriter writer, ModelSpec model)
    {
        var auxiliaries = model.Members.Where(m => m.IsAuxiliary).ToEquatableArray();
        if (!auxiliaries.IsEmpty)
        {
            writer.Text(AuxiliarySection).List(auxiliaries, (w, m) => w.Text(m.Name));
        }
    }

    /// <summary>Shortcuts around members (<c>[Residual]</c> on a member), an optional last section like the others.</summary>
    private static void WriteResidualSpans(TokenWriter writer, ModelSpec model)
    {
        var spans = model.Members.Where(m => m.Residual is not null).ToEquatableArray();
        if (spans.IsEmpty)
        {
            return;
        }

        writer.Text(ResidualSpanSection).List(spans, (w, m) => w.Text(m.Name).Text(m.Residual!.Through).Text(m.Residual.Activation).Text(m.Residual.When));
    }

    /// <summary>
    /// The parameters a generated forward adds or prepends, as an optional section after the others, written only by
    /// models that have them: a NetGen that predates them refuses such a model (trailing data) and treats it as opaque
    /// rather than walking it without its tokens.
    /// </summary>
    private static void WriteParameterUses(TokenWriter writer, ModelSpec model)
    {
        var used = model.Members.Where(m => m.Use is not null).ToEquatableArray();
        if (used.IsEmpty)
        {
            return;
        }

        writer.Text(ParameterUseSection).List(used, (w, m) => w.Text(m.Name).Text(m.Use!.Kind.ToString()).Number(m.Use.Dim));
    }

    /// <summary>
    /// <c>[Gate]</c> and <c>[Chunk]</c> as an optional last section, written only by models that have them: every other
    /// descriptor is unchanged, and a NetGen that predates them refuses such a model (trailing data) and treats it as
    /// opaque rather than walking it without its multiply or split.
    /// </summary>
    private static void WriteGateAndChunk(TokenWriter writer, ModelSpec model)
    {
        if (model.Gate is null && model.Chunk is null)
        {
            return;
        }

        writer.Text(GateAndChunkSection).Flag(model.Gate is not null).Flag(model.Chunk is not null);
        if (model.Chunk is { } chunk)
        {
            writer.Number(chunk.Chunks).Number(chunk.Dim).Text(chunk.When);
        }
    }

    /// <summary>
    /// <c>[Split]</c>'s sizes, as a section of their own after the others: a NetGen that predates it refuses the model
    /// (an unknown section) rather than walking equal chunks.
    /// </summary>
    private static void WriteSplitSizes(TokenWriter writer, ModelSpec model)
    {
        if (model.Chunk is { Sizes.IsEmpty: false } chunk)
        {
            writer.Text(SplitSizesSection).List(chunk.Sizes, WriteArg);
        }
    }

    private static ModelSpec ReadSplitSizes(TokenReader reader, ModelSpec model)
    {
        var sizes = reader.List(ReadArg).ToEquatableArray();
        return model.Chunk is { } chunk && sizes.Count == chunk.Chunks
            ? model with { Chunk = chunk with { Sizes = sizes } }
            : throw new FormatException("split sizes follow a model without one size per chunk");
    }

    /// <summary>The optional sections after the input, each at most once and in the order they are written.</summary>
    private static ModelSpec ReadOptionalSections(TokenReader reader, ModelSpec model)
    {
        var next = 0;
        string[] order = { GateAndChunkSection, ParameterUseSection, ResidualSpanSection, AuxiliarySection, BranchSpanSection, SplitSizesSection, KnownFieldSection, FieldLayerSection, FieldSequenceSection, FieldModuleListSection };
        while (!reader.AtEnd)
        {
            var section = reader.Required();
            var index = Array.IndexOf(order, section, next);
            if (index < 0)
            {
                throw new FormatException($"an unknown or repeated section '{section}' follows the input");
            }

            next = index + 1;
            model = section switch
            {
                GateAndChunkSection => ReadGateAndChunk(reader, model),
                ParameterUseSection => ReadParameterUses(reader, model),
                ResidualSpanSection => ReadResidualSpans(reader, model),
                AuxiliarySection => ReadAuxiliaries(reader, model),
                BranchSpanSection => ReadBranchSpans(reader, model),
                KnownFieldSection => ReadKnownFields(reader, model),
                FieldLayerSection => ReadFieldLayers(reader, model),
                FieldSequenceSection => ReadFieldSequences(reader, model),
                FieldModuleListSection => ReadFieldModuleLists(reader, model),
                _ => ReadSplitSizes(reader, model),
            };
        }

        return model;
    }

    private static ModelSpec ReadGateAndChunk(TokenReader reader, ModelSpec model)
    {
        var gate = reader.Flag() ? new GateSpec(null) : null;
        var chunk = reader.Flag() ? new ChunkSpec((int)reader.Number(), (int)reader.Number(), reader.Text(), null) : null;
        return model with { Gate = gate, Chunk = chunk };
    }

    private static ModelSpec ReadAuxiliaries(TokenReader reader, ModelSpec model) =>
        ChangeMembers(model, reader.List(r => r.Required()).ToList(), name => name,
            (members, index, _) => index >= 0, (member, _) => member with { IsAuxiliary = true },
            name => $"the auxiliary member '{name}' is not a member");

    /// <summary>Checked as the parser decides it: a descriptor must not make NetGen trust a field of a layer with state or arguments.</summary>
    private static ModelSpec ReadKnownFields(TokenReader reader, ModelSpec model) =>
        ChangeMembers(model, reader.List(r => (Name: r.Required(), Kind: r.Required())).ToList(), e => e.Name,
            (members, index, e) => index >= 0 && members[index] is { Kind: MemberKind.Field, IsParameterField: false } && new LayerKind(e.Kind).IsStatelessWithoutRequiredArguments(),
            (member, e) => member with { KnownLayer = new LayerSpec(new LayerKind(e.Kind), EquatableArray<LayerArg>.Empty, null) },
            e => $"the known field '{e.Name}' is not a field of a layer with no state and no required argument ('{e.Kind}')");

    /// <summary>Checked as the parser decides it: only a layer NetGen would have read from an initializer, with constant arguments that suit it.</summary>
    private static ModelSpec ReadFieldLayers(TokenReader reader, ModelSpec model) =>
        ChangeMembers(model, reader.List(r => (Name: r.Required(), Layer: ReadLayer(r))).ToList(), e => e.Name,
            (members, index, e) => index >= 0 && IsUnreadModuleField(members[index]) && InitializerLayers.CouldHaveRead(e.Layer),
            (member, e) => member with { KnownLayer = e.Layer, KnownLayerHasArguments = true },
            e => $"the field '{e.Name}' is not a field of a layer NetGen reads from an initializer ('{e.Layer.Kind}' with {e.Layer.Args.Count} argument(s))");

    /// <summary>Checked as the parser decides it: every child a layer NetGen would have read, under a name that keeps its keys apart.</summary>
    private static ModelSpec ReadFieldSequences(TokenReader reader, ModelSpec model) =>
        ChangeMembers(model, reader.List(r => (Name: r.Required(), Children: r.List(ReadNamedLayer).ToEquatableArray())).ToList(), e => e.Name,
            (members, index, e) => index >= 0 && IsUnreadModuleField(members[index]) && InitializerLayers.CouldHaveRead(e.Children),
            (member, e) => member with { KnownChildren = e.Children },
            e => $"the field '{e.Name}' is not a field of a Sequential NetGen reads from an initializer ({e.Children.Count} child(ren))");

    /// <summary>Checked as the parser decides it: a field of a ModuleList of one-tensor modules, every child a layer or block NetGen would have read.</summary>
    private static ModelSpec ReadFieldModuleLists(TokenReader reader, ModelSpec model) =>
        ChangeMembers(model, reader.List(r => (Name: r.Required(), Children: r.List(ReadLayer).ToEquatableArray())).ToList(), e => e.Name,
            (members, index, e) => index >= 0 && IsUnreadField(members[index]) && members[index] is { TakesOneTensor: false } field
                && field.TypeName.StartsWith(ModuleListType, StringComparison.Ordinal) && !e.Children.IsEmpty && e.Children.All(InitializerLayers.CouldHaveRead),
            (member, e) => member with { KnownChildren = e.Children, KnownChildrenAreModuleList = true },
            e => $"the field '{e.Name}' is not a field of a ModuleList NetGen reads from an initializer ({e.Children.Count} child(ren))");

    /// <summary>A field of a module that takes one tensor, with no layer or Sequential read for it yet: what a field section may fill in.</summary>
    private static bool IsUnreadModuleField(MemberSpec member) => IsUnreadField(member) && member.TakesOneTensor;

    /// <summary>A field of a module with no layer or children read for it yet.</summary>
    private static bool IsUnreadField(MemberSpec member) =>
        member is { Kind: MemberKind.Field, IsParameterField: false, KnownLayer: null, KnownChildren.IsEmpty: true };

    private static ModelSpec ReadBranchSpans(TokenReader reader, ModelSpec model) =>
        ChangeMembers(model, reader.List(r => (Name: r.Required(), Through: r.Required())).ToList(), e => e.Name,
            (members, index, e) => index >= 0 && members[index].BranchDim is not null && BranchGroups.LastOf(members.Select((m, i) => i == index ? m with { BranchThrough = e.Through } : m).ToList(), index) >= index,
            (member, e) => member with { BranchThrough = e.Through },
            e => $"the branch from '{e.Name}' through '{e.Through}' names no members of the model in order");

    private static ModelSpec ReadResidualSpans(TokenReader reader, ModelSpec model) =>
        ChangeMembers(model, reader.List(r => (Name: r.Required(), Span: new ResidualSpanSpec(r.Required(), r.Required(), r.Text()))).ToList(), e => e.Name,
            (members, index, e) => index >= 0 && e.Span.EndIn(members, index) >= 0, (member, e) => member with { Residual = e.Span },
            e => $"the shortcut around '{e.Name}' … '{e.Span.Through}' names no members of the model");

    private static ModelSpec ReadParameterUses(TokenReader reader, ModelSpec model) =>
        ChangeMembers(model, reader.List(r => (Name: r.Required(), Use: new ParameterUseSpec(Parse<ParameterUseKind>(r.Required()), checked((int)r.Number())))).ToList(), e => e.Name,
            (members, index, _) => index >= 0 && members[index].Kind == MemberKind.Parameter, (member, e) => member with { Use = e.Use },
            e => $"the parameter '{e.Name}' it uses is not a member");

    /// <summary>
    /// The model with the member each entry of an optional section names changed as the section says. An entry whose
    /// member does not fit (<paramref name="fits"/>) makes the descriptor corrupt, with <paramref name="problem"/> as why.
    /// </summary>
    private static ModelSpec ChangeMembers<T>(ModelSpec model, IEnumerable<T> entries, Func<T, string> nameOf,
        Func<IReadOnlyList<MemberSpec>, int, T, bool> fits, Func<MemberSpec, T, MemberSpec> change, Func<T, string> problem)
    {
        var members = model.Members.ToList();
        foreach (var entry in entries)
        {
            var index = members.FindIndex(m => m.Name == nameOf(entry));
            if (!fits(members, index, entry))
            {
                throw new FormatException(problem(entry));
            }

            members[index] = change(members[index], entry);
        }

        return model with { Members = members.ToEquatableArray() };
    }

    /// <summary>
    /// The model a descriptor describes; or null, with the reason as what is said of the descriptor ("was written
    /// by another NetGen (…)", "is corrupt (…)", "names a LayerKind '…' that this NetGen does not know"). The
    /// checksum is checked before any token is read as a value, so a changed digit is refused, not read as
    /// another size. Never throws.
    /// </summary>
    public static ModelSpec? Read(string descriptor, out string? problem)
    {
        try
        {
            var reader = new TokenReader(descriptor);
            var version = reader.Text();
            if (version != Version)
            {
                problem = version is not null && version.StartsWith(FormatName, StringComparison.Ordinal)
                    ? $"was written by another NetGen ({version}; this one reads {Version})"
                    : "is not one NetGen wrote";
                return null;
            }

            if (Checksum.Open(descriptor) is not { } sealedText)
            {
                problem = "is corrupt (its checksum does not match)";
                return null;
            }

            reader = new TokenReader(sealedText);
            reader.Text();
            var model = ReadModel(reader);
            problem = reader.AtEnd ? null : "is corrupt (it has trailing data)";
            return problem is null ? model : null;
        }
        catch (UnknownNameException exception)
        {
            problem = exception.Message;
            return null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            problem = "is corrupt (" + exception.Message + ")";
            return null;
        }
    }

    private static ModelSpec ReadModel(TokenReader reader)
    {
        var ns = reader.Text();
        var name = reader.Required();
        var metadataName = reader.Required();
        var containing = reader.List(ReadDeclaration).ToEquatableArray();
        var declaration = ReadDeclaration(reader);
        var parameters = reader.List(r => new ParameterSpec(r.Required(), r.Required(), r.Text(), r.Flag())).ToEquatableArray();
        var hasPartialConstructor = reader.Flag();
        var declaresForward = reader.Flag();
        var members = reader.List(ReadMember).ToEquatableArray();
        var residual = reader.Flag() ? new ResidualSpec(reader.Text(), reader.Required(), reader.Text()) : null;
        var input = reader.List(ReadArg).ToEquatableArray();
        var shell = new ModelShell(ns, name, metadataName, HintNames.For(metadataName), containing, declaration, parameters,
            hasPartialConstructor, "public", declaresForward, EquatableArray<PartialPropertyInfo>.Empty, "", EquatableArray<string>.Empty)
        {
            IsVisibleAtAssemblyLevel = true,
        };
        return ReadOptionalSections(reader, new ModelSpec(shell, members, EquatableArray<InitRuleSpec>.Empty, residual, input));
    }

    private static void WriteDeclaration(TokenWriter writer, TypeDeclInfo declaration) =>
        writer.Text(declaration.Keyword).Text(declaration.NameWithTypeParameters);

    private static TypeDeclInfo ReadDeclaration(TokenReader reader) => new(reader.Required(), reader.Required());

    /// <summary>
    /// The member as format 1 carries it. That format has no stage tables, conditional or named children, per-index block
    /// arguments, dense stages or alternative repeated stages: another assembly sees such a member as a module it cannot see into (its output unknown,
    /// its state read at run time), which is never wrong.
    /// </summary>
    public static MemberSpec Carried(MemberSpec member) =>
        member.IsBuiltByLoops || member.Layers.Any(l => l.Name is not null)
            ? member with { Kind = MemberKind.Factory, Layers = EquatableArray<LayerSpec>.Empty, ModuleIndex = -1, ForEach = null, Repeat = null, Choices = EquatableArray<RepeatSpec>.Empty, ChoicesCovered = false }
            : member;

    private static void WriteMember(TokenWriter writer, MemberSpec member)
    {
        member = Carried(member);

        writer.Text(member.Name).Text(member.Kind.ToString()).Text(member.TypeName).Flag(member.IsNullableAnnotated).Text(member.Accessibility)
            .List(member.Layers, WriteLayer).Number(member.ModuleIndex).List(member.BlockArgs, WriteArg)
            .Flag(member.Repeat is not null);
        if (member.Repeat is { } repeat)
        {
            writer.Text(repeat.BlockType);
            WriteArg(writer, repeat.Count);
            writer.List(repeat.First, WriteArg).List(repeat.Rest, WriteArg);
        }

        writer.Text(member.WhenParameter).Number(member.BranchDim ?? long.MinValue).Flag(member.IsIndexedChild)
            .Flag(member.Factory is not null);
        if (member.Factory is { } factory)
        {
            writer.Text(factory.Method).List(factory.Arguments, (w, a) => w.Text(a.Parameter).Text(a.Hyperparameter));
        }

        writer.List(member.ParameterShape, WriteArg).Flag(member.RequiresGrad).Flag(member.IsParameterField).Flag(member.TakesOneTensor)
            .Flag(member.Contract is not null);
        if (member.Contract is { } contract)
        {
            writer.List(contract.Input, WriteArg).List(contract.Output, WriteArg);
        }
    }

    private static MemberSpec ReadMember(TokenReader reader)
    {
        var name = reader.Required();
        var kind = Parse<MemberKind>(reader.Required());
        var typeName = reader.Required();
        var nullable = reader.Flag();
        var accessibility = reader.Required();
        var layers = reader.List(ReadLayer).ToEquatableArray();
        var moduleIndex = (int)reader.Number();
        var blockArgs = reader.List(ReadArg).ToEquatableArray();
        var repeat = reader.Flag() ? new RepeatSpec(reader.Required(), ReadArg(reader), reader.List(ReadArg).ToEquatableArray(), reader.List(ReadArg).ToEquatableArray()) : null;
        var when = reader.Text();
        var branch = reader.Number();
        var indexed = reader.Flag();
        var factory = reader.Flag() ? new FactorySpec(reader.Required(), reader.List(r => new FactoryArgument(r.Required(), r.Required())).ToEquatableArray()) : null;
        var parameterShape = reader.List(ReadArg).ToEquatableArray();
        var requiresGrad = reader.Flag();
        var isParameterField = reader.Flag();
        var takesOneTensor = reader.Flag();
        var contract = reader.Flag() ? new ContractSpec(reader.List(ReadArg).ToEquatableArray(), reader.List(ReadArg).ToEquatableArray(), null) : null;
        return new MemberSpec(name, kind, typeName, nullable, accessibility, layers, moduleIndex, blockArgs, repeat, when,
            branch == long.MinValue ? null : (int)branch, null, null, indexed)
        {
            Factory = factory,
            ParameterShape = parameterShape,
            RequiresGrad = requiresGrad,
            IsParameterField = isParameterField,
            TakesOneTensor = takesOneTensor,
            Contract = contract,
        };
    }

    /// <summary>A layer; a Sequential nested in a field's initializer is followed by its named children.</summary>
    private static void WriteLayer(TokenWriter writer, LayerSpec layer)
    {
        writer.Text(layer.Kind.ToString()).List(layer.Args, (w, a) => { w.Text(a.Name); WriteArg(w, a.Value); })
            .Text(layer.BlockType).List(layer.BlockArgs, WriteArg);
        if (layer.Kind == LayerKind.Sequential)
        {
            writer.List(layer.Children, (w, child) => WriteLayer(w.Text(child.Name), child));
        }
    }

    /// <summary>A child's name, or none for its position, then the child as <see cref="ReadLayer"/> reads it.</summary>
    private static LayerSpec ReadNamedLayer(TokenReader reader)
    {
        var name = reader.Text();
        return ReadLayer(reader) with { Name = name };
    }

    private static LayerSpec ReadLayer(TokenReader reader) => ReadLayer(reader, depth: 0);

    /// <summary>A layer as <see cref="WriteLayer"/> writes it; a nesting deeper than the reader of source allows is corrupt.</summary>
    private static LayerSpec ReadLayer(TokenReader reader, int depth)
    {
        var layer = new LayerSpec(
            ParseLayerKind(reader.Required()),
            reader.List(r => new LayerArg(r.Required(), ReadArg(r), null)).ToEquatableArray(),
            null,
            reader.Text(),
            reader.List(ReadArg).ToEquatableArray());
        if (layer.Kind != LayerKind.Sequential)
        {
            return layer;
        }

        if (depth >= InitializerLayers.MaxNesting)
        {
            throw new FormatException($"Sequentials nest more than {InitializerLayers.MaxNesting} deep");
        }

        return layer with
        {
            Children = reader.List(r =>
            {
                var name = r.Text();
                return ReadLayer(r, depth + 1) with { Name = name };
            }).ToEquatableArray(),
        };
    }

    private static void WriteArg(TokenWriter writer, ArgValue value) =>
        writer.Text(value.Kind.ToString()).Number(value.Int).Real(value.Double).Text(value.Text).List(value.Ints, (w, i) => w.Number(i));

    private static ArgValue ReadArg(TokenReader reader) =>
        new(Parse<ArgKind>(reader.Required()), reader.Number(), reader.Real(), reader.Text(), reader.List(r => r.Number()).ToEquatableArray());

    /// <summary>An enum member by name. A name this NetGen lacks (a layer kind of a newer one) is said so, not called corruption.</summary>
    private static T Parse<T>(string text)
        where T : struct =>
        Array.IndexOf(Enum.GetNames(typeof(T)), text) >= 0
            ? (T)Enum.Parse(typeof(T), text)
            : throw new UnknownNameException($"names a {typeof(T).Name} '{text}' that this NetGen does not know");

    /// <summary>A layer kind by name: a catalogue layer or a child block. A layer of a newer NetGen is said so.</summary>
    private static LayerKind ParseLayerKind(string text) =>
        text == LayerKind.Block.Name || text == LayerKind.Sequential.Name || Catalogue.LayerCatalogue.Find(text) is not null
            ? new LayerKind(text)
            : throw new UnknownNameException($"names a LayerKind '{text}' that this NetGen does not know");

    /// <summary>A well-formed descriptor that names something this NetGen does not know.</summary>
    private sealed class UnknownNameException : Exception
    {
        public UnknownNameException(string message)
            : base(message)
        {
        }
    }
}
