using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// Walks every value the pipeline carries and fails on a symbol, syntax node or compilation: holding one
/// would defeat caching and keep whole compilations alive.
/// </summary>
public sealed class ModelGraphTests
{
    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_or_compilations()
    {
        var run = GeneratorHarness.Run(RepositoryFiles.Read("Samples/NetGen.SeedModels/Net.cs"));
        var values = run.Result.Results.Single().TrackedSteps[TrackingNames.ParsedModels]
            .SelectMany(step => step.Outputs).Select(output => output.Value).ToList();

        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            Walk(value, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
        }
    }

    private static void Walk(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is DiagnosticDescriptor)
        {
            return;
        }

        Assert.False(value is ISymbol, $"{path} holds a symbol");
        Assert.False(value is SyntaxNode, $"{path} holds a syntax node");
        Assert.False(value is Compilation, $"{path} holds a compilation");
        Assert.False(value is SemanticModel, $"{path} holds a semantic model");
        Assert.False(value is Location, $"{path} holds a Location (use LocationInfo)");

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                Walk(item, seen, $"{path}[{i++}]");
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Walk(property.GetValue(value), seen, path + "." + property.Name);
        }
    }
}
