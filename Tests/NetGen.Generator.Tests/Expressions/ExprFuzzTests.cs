using System;
using System.Linq;
using System.Text;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Tests.Expressions;

/// <summary>The generator must never throw: random text, valid or not, gets a result or an error, never an exception.</summary>
public sealed class ExprFuzzTests
{
    private static readonly string[] Pieces =
    [
        "a", "b", "big", "w", "f", "e", "nope", "0", "1", "2147483647", "9223372036854775807", "99999999999999999999", "1.5", "0.0",
        "+", "-", "*", "/", "%", "(", ")", "(", ")", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!", "?", ":", ",", "&", "|", "=",
        "min(", "max(", "make_divisible(", "true", "false", " ", ".", "[", "é", "\t",
    ];

    private static readonly EquatableArray<ParameterSpec> Parameters = EquatableArray.Create(
        new ParameterSpec("a", "int", "3"), new ParameterSpec("b", "int", "0"), new ParameterSpec("big", "long", "9223372036854775807"),
        new ParameterSpec("w", "double", "0.5"), new ParameterSpec("f", "bool", "true"), new ParameterSpec("e", "global::Kind", "1"));

    [Fact]
    public void Random_text_never_throws_and_every_accepted_expression_emits_and_evaluates()
    {
        var random = new Random(5);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 14); n > 0; n--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var compiled = ExpressionCompiler.Compile(text.ToString(), Parameters);
            if (compiled.Error is null)
            {
                accepted++;
                Assert.NotEmpty(ExprCSharpEmitter.Emit(compiled.Expr!, n => "@" + n));
                _ = ExprEvaluator.Evaluate(compiled.Expr!, _ => default);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(compiled.Error.Message));
            }
        }

        Assert.InRange(accepted, 100, 19_000);
    }

    [Fact]
    public void Pathological_inputs_are_errors_not_crashes()
    {
        foreach (var text in new[] { "", " ", "(", ")", "?:", "a ?", "min(", "min(a,", "min()", "max(a, b, f)", new string('!', 5000) + "f",
                     string.Concat(Enumerable.Repeat("-(", 30)) + "a" + new string(')', 30), "make_divisible(w, 0)", "make_divisible(big, 8)" })
        {
            var compiled = ExpressionCompiler.Compile(text, Parameters);
            Assert.True(compiled.Error is not null || compiled.Expr is not null, text);
        }
    }
}
