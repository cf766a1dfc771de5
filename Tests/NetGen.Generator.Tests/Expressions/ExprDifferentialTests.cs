using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Expressions;
using NetGen.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests.Expressions;

/// <summary>
/// The generator's compile-time evaluation against the C# it emits, run for real: random well-typed expressions
/// over int, long, double and bool parameters are emitted as C#, compiled strictly (nullable, warnings as errors)
/// and executed at random values, and each result (a value, OverflowException, DivideByZeroException) must be
/// what <see cref="ExprEvaluator"/> predicted at the same values.
/// </summary>
public sealed class ExprDifferentialTests(ITestOutputHelper output)
{
    private static readonly (string Name, string Type)[] Parameters = [("a", "int"), ("b", "int"), ("big", "long"), ("w", "double"), ("f", "bool")];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Compile_time_values_equal_the_generated_CSharp_at_run_time(int seed)
    {
        var random = new Random(seed);
        var expressions = new List<(string Text, Expr Expr)>();
        while (expressions.Count < 400)
        {
            var text = new ExpressionMaker(random).Make(random.Next(4) switch { 0 => "bool", 1 => "double", _ => "int" }, 4);
            var expr = ExprParser.Parse(text, out var error) ?? throw new InvalidOperationException($"'{text}': {error}");
            // What the compiler reports instead of emitting (NG0031, NG0032) is not emitted; the rest must compile.
            if (ExprChecker.Check(expr, TypeOf, out _) is not null && ExprEvaluator.FirstConstantError(expr) is null)
            {
                expressions.Add((text, expr));
            }
        }

        var functions = Compile(expressions);
        var compared = 0;
        var failures = 0;
        for (var round = 0; round < 40; round++)
        {
            var values = new object[] { Int(random), Int(random), Long(random), Double(random), random.Next(2) == 0 };
            for (var i = 0; i < expressions.Count; i++)
            {
                var expected = ExprEvaluator.Evaluate(expressions[i].Expr, name => Value(name, values));
                var actual = Run(functions[i], values);
                Assert.True(Same(expected, actual), $"'{expressions[i].Text}' at (a, b, big, w, f) = ({string.Join(", ", values)}): NetGen says {expected}, C# gives {actual}");
                compared++;
                failures += expected.IsError ? 1 : 0;
            }
        }

        output.WriteLine($"seed {seed}: {expressions.Count} expressions × 40 value sets: {compared} comparisons, {failures} of them overflow or divide by zero in both");
        Assert.InRange(failures, 1, compared / 2);
    }

    private static string? TypeOf(string name) => Parameters.FirstOrDefault(p => p.Name == name).Type;

    private static ExprValue Value(string name, object[] values) => name switch
    {
        "a" => ExprValue.Of((int)values[0], ExprType.Int),
        "b" => ExprValue.Of((int)values[1], ExprType.Int),
        "big" => ExprValue.Of((long)values[2], ExprType.Long),
        "w" => ExprValue.Of((double)values[3]),
        _ => ExprValue.Of((bool)values[4]),
    };

    private static int Int(Random random) => random.Next(6) switch
    {
        0 => 0,
        1 => int.MaxValue - random.Next(3),
        2 => int.MinValue + random.Next(3),
        _ => random.Next(-300, 300),
    };

    private static long Long(Random random) => random.Next(4) switch
    {
        0 => long.MaxValue - random.Next(3),
        1 => 0,
        _ => random.Next(-100_000, 100_000) * 3_000_000L,
    };

    private static double Double(Random random) => random.Next(5) == 0 ? 0.0 : Math.Round(random.NextDouble() * 400 - 100, 3);

    private static bool Same(ExprValue expected, object actual) => (expected.Kind, actual) switch
    {
        (ExprValueKind.Integer, int i) => expected.Type == ExprType.Int && expected.Integer == i,
        (ExprValueKind.Integer, long l) => expected.Type == ExprType.Long && expected.Integer == l,
        (ExprValueKind.Real, double d) => expected.Real.Equals(d),
        (ExprValueKind.Bool, bool b) => expected.AsBool == b,
        (ExprValueKind.Error, OverflowException) => expected.Error!.Kind == ExprErrorKind.Overflow,
        (ExprValueKind.Error, DivideByZeroException or ArgumentOutOfRangeException) => expected.Error!.Kind == ExprErrorKind.DivisionByZero,
        _ => false,
    };

    private static object Run(MethodInfo function, object[] values)
    {
        try
        {
            return function.Invoke(null, values)!;
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException!;
        }
    }

    private static MethodInfo[] Compile(List<(string Text, Expr Expr)> expressions)
    {
        var source = new StringBuilder("public static class Expressions\n{\n");
        var signature = string.Join(", ", Parameters.Select(p => p.Type + " @" + p.Name));
        for (var i = 0; i < expressions.Count; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"    public static object F{i}({signature}) => {ExprCSharpEmitter.Emit(expressions[i].Expr, n => "@" + n)};\n");
        }

        source.Append('}');
        var compilation = CSharpCompilation.Create("Expressions", [CSharpSyntaxTree.ParseText(source.ToString(), GeneratorHarness.ParseOptions)],
            GeneratorHarness.References, GeneratorHarness.StrictOptions);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var lines = source.ToString().Split('\n');
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(10)
            .Select(d => d + " in " + lines[d.Location.GetLineSpan().StartLinePosition.Line])));
        var type = Assembly.Load(image.ToArray()).GetType("Expressions")!;
        return Enumerable.Range(0, expressions.Count).Select(i => type.GetMethod("F" + i)!).ToArray();
    }

    /// <summary>Random expressions of a wanted type, over the parameters, with every operator and function.</summary>
    private sealed class ExpressionMaker(Random random)
    {
        public string Make(string type, int depth) => type switch
        {
            "bool" => Bool(depth),
            "double" => Number(depth, allowDouble: true),
            _ => Number(depth, allowDouble: false),
        };

        private string Number(int depth, bool allowDouble)
        {
            if (depth == 0 || random.Next(4) == 0)
            {
                return random.Next(allowDouble ? 7 : 5) switch
                {
                    0 => "a",
                    1 => "b",
                    2 => "big",
                    3 => random.Next(-3, 10).ToString(CultureInfo.InvariantCulture),
                    4 => random.Next(2) == 0 ? "2147483647" : "3000000000",
                    5 => "w",
                    _ => "0.5",
                };
            }

            var left = Number(depth - 1, allowDouble);
            var right = Number(depth - 1, allowDouble);
            return random.Next(allowDouble ? 13 : 8) switch
            {
                0 => $"{left} + {right}",
                1 => $"({left} - {right})",
                2 => $"{left} * {right}",
                3 => $"({left}) / ({right})",
                4 => $"({left}) % ({right})",
                5 => $"-({left})",
                6 => $"{(random.Next(2) == 0 ? "min" : "max")}({left}, {right})",
                7 => $"({Bool(depth - 1)} ? {left} : {right})",
                8 => $"make_divisible({left}, {random.Next(1, 9)})",
                9 => $"floor({left})",
                10 => $"round({left})",
                11 => $"pow({left}, {right})",
                _ => $"ceil({left})",
            };
        }

        private string Bool(int depth)
        {
            if (depth == 0 || random.Next(4) == 0)
            {
                return random.Next(3) switch { 0 => "f", 1 => "true", _ => "a > b" };
            }

            return random.Next(5) switch
            {
                0 => $"{Number(depth - 1, true)} {new[] { "==", "!=", "<", "<=", ">", ">=" }[random.Next(6)]} {Number(depth - 1, true)}",
                1 => $"({Bool(depth - 1)} && {Bool(depth - 1)})",
                2 => $"({Bool(depth - 1)} || {Bool(depth - 1)})",
                3 => $"!({Bool(depth - 1)})",
                _ => $"{Bool(depth - 1)} == {Bool(depth - 1)}",
            };
        }
    }
}
