using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Finds the method <c>[Factory(nameof(M))]</c> names and what to pass it: each of its parameters takes the
/// hyperparameter of the same name, or keeps its default. Whatever would not compile is reported here.
/// </summary>
internal static class FactoryResolver
{
    public static FactorySpec? Resolve(AttributeData attribute, IPropertySymbol property, MemberContext context)
    {
        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax());
        if (attribute.ConstructorArguments.FirstOrDefault().Value is not string name || name.Length == 0)
        {
            context.Report(DiagnosticDescriptors.InvalidFactory, location, "?", property.Name, "name a method of the model, e.g. [Factory(nameof(CreateRnn))]");
            return null;
        }

        var candidates = context.Model.GetMembers(name).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToList();
        if (candidates.Count != 1)
        {
            context.Report(DiagnosticDescriptors.InvalidFactory, location, name, property.Name, candidates.Count == 0
                ? $"'{context.Model.Name}' has no method called '{name}'; declare one that returns the module"
                : $"'{name}' is overloaded; NetGen calls one method, so give the others another name");
            return null;
        }

        var method = candidates[0];
        if (method.IsGenericMethod || method.ReturnsVoid)
        {
            context.Report(DiagnosticDescriptors.InvalidFactory, location, name, property.Name, "it must be a non-generic method that returns the module");
            return null;
        }

        if (!context.Compilation.ClassifyCommonConversion(method.ReturnType, property.Type).IsImplicit)
        {
            context.Report(DiagnosticDescriptors.InvalidFactory, location, name, property.Name,
                $"it returns '{method.ReturnType.ToDisplayString()}', which is not a '{property.Type.ToDisplayString()}'");
            return null;
        }

        var arguments = EquatableArray<FactoryArgument>.Empty;
        foreach (var parameter in method.Parameters)
        {
            var hyperparameter = context.HyperparameterType(parameter.Name);
            if (parameter.RefKind is RefKind.Ref or RefKind.Out)
            {
                context.Report(DiagnosticDescriptors.InvalidFactory, location, name, property.Name, $"its parameter '{parameter.Name}' is ref or out; NetGen passes hyperparameters by value");
                return null;
            }

            if (hyperparameter is null)
            {
                if (parameter.HasExplicitDefaultValue || parameter.IsParams)
                {
                    continue;
                }

                context.Report(DiagnosticDescriptors.InvalidFactory, location, name, property.Name,
                    $"its parameter '{parameter.Name}' names no hyperparameter (known: {context.KnownHyperparameters}) and has no default");
                return null;
            }

            if (!context.Compilation.ClassifyCommonConversion(hyperparameter, parameter.Type).IsImplicit)
            {
                context.Report(DiagnosticDescriptors.InvalidFactory, location, name, property.Name,
                    $"its parameter '{parameter.Name}' is '{parameter.Type.ToDisplayString()}', but the hyperparameter is '{hyperparameter.ToDisplayString()}'");
                return null;
            }

            arguments = arguments.Append(new FactoryArgument(parameter.Name, parameter.Name)).ToEquatableArray();
        }

        var call = method.IsStatic ? context.Model.ToDisplayString(TypeShapes.FullyQualified) + "." + Identifiers.Escape(method.Name) : "this." + Identifiers.Escape(method.Name);
        return new FactorySpec(call, arguments);
    }
}
