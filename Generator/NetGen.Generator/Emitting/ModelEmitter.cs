using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>Writes one model's generated partial: fields, constructor, member properties, init, state map, summary and forward.</summary>
internal static class ModelEmitter
{
    public static string Emit(AnalyzedModel analyzed)
    {
        var model = analyzed.Model;
        var writer = new SourceWriter();
        ShellWriter.Open(writer, model.Shell, DescriptorEmitter.AssemblyAttribute(model));
        foreach (var member in model.Members.Where(m => m.Kind != MemberKind.Field))
        {
            var nullable = member.IsOptional ? "?" : "";
            // A parameter is replaced by a converted copy when the model changes dtype or device (ConversionEmitter).
            var modifiers = member.Kind == MemberKind.Parameter ? "private" : "private readonly";
            writer.Line($"{modifiers} {member.TypeName}{nullable} {member.BackingField};");
        }

        HyperparameterEmitter.EmitFields(writer, model.Shell);
        writer.Line();
        ConstructorEmitter.Emit(writer, model);

        foreach (var member in model.Members.Where(m => !m.IsIndexedChild && m.Kind != MemberKind.Field))
        {
            writer.Line();
            writer.Line($"// from: {member.Name}");
            writer.Line($"{member.Accessibility} {member.InheritanceModifiers}partial {member.DeclaredType} {Identifiers.Escape(member.Name)} => this.{member.BackingField};");
        }

        HyperparameterEmitter.EmitProperties(writer, model.Shell);
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Does nothing: the constructor registered every child explicitly. TorchSharp's reflection-based");
        writer.Line("/// registration would add the backing fields a second time, and is lost under trimming and NativeAOT.");
        writer.Line("/// </summary>");
        writer.Line("protected override void RegisterComponents() { }");

        ConversionEmitter.Emit(writer, model);

        writer.Line();
        InitWeightsEmitter.Emit(writer, model);

        writer.Line();
        StateMapEmitter.Emit(writer, analyzed);

        if (analyzed.Summary is { } summary)
        {
            writer.Line();
            SummaryEmitter.Emit(writer, model, summary);
        }

        if (!model.DeclaresForward)
        {
            writer.Line();
            ForwardEmitter.Emit(writer, model);
        }

        ShellWriter.Close(writer, model.Shell);
        return writer.ToString();
    }
}
