using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The model's own methods a forward calls (torchvision's <c>_forward_impl</c>, a channels-first LayerNorm written once
/// and called twice): each is read like the forward, its parameters standing for the arguments, and the analysis follows
/// the call into it. A method that calls itself, directly or through another, is not followed there.
/// </summary>
internal sealed partial class ForwardReader
{
    /// <summary>The most methods of one model a forward's analysis reads; more are left as calls NetGen does not follow.</summary>
    public const int MaxHelpers = 32;

    private ForwardExpr HelperCall(IMethodSymbol method, IInvocationOperation invocation, LocationInfo? location)
    {
        var key = HelperLibrary.Key(method);
        if (_helpers!.Read(key, method) is { } why)
        {
            return Unknown(why, invocation, location);
        }

        var args = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue).Select(a => Expr(a.Value)).ToEquatableArray();
        return new HelperCallExpr(key, args, location);
    }

    /// <summary>The helpers read for one forward, shared by its reader and theirs.</summary>
    private sealed class HelperLibrary
    {
        private readonly INamedTypeSymbol _type;
        private readonly ModelShell _shell;
        private readonly Compilation _compilation;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, HelperSpec> _read = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _reading = new(System.StringComparer.Ordinal);

        public HelperLibrary(INamedTypeSymbol type, ModelShell shell, IReadOnlyList<string> members, Compilation compilation, CancellationToken cancellationToken)
        {
            _type = type;
            _shell = shell;
            Members = members;
            Hyperparameters = shell.Parameters.Select(p => p.Name).ToList();
            _compilation = compilation;
            _cancellationToken = cancellationToken;
        }

        public IReadOnlyList<string> Members { get; }

        public IReadOnlyList<string> Hyperparameters { get; }

        /// <summary>The helpers in the order their reading finished (a helper's own helpers first).</summary>
        public EquatableArray<HelperSpec> Read() => _read.Values.ToEquatableArray();

        public static string Key(IMethodSymbol method) =>
            method.Name + "(" + string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString())) + ")";

        /// <summary>
        /// A method of the model itself, called on the model (or static) with arguments passed by value, that no derived
        /// class can replace: its body is what runs.
        /// </summary>
        public bool IsHelper(IMethodSymbol method, INamedTypeSymbol model, IOperation? receiver) =>
            SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, model.OriginalDefinition)
            && method.MethodKind == MethodKind.Ordinary && !method.IsGenericMethod && !method.IsVirtual && !method.IsOverride && !method.IsAbstract
            && method.Name is not ("forward" or "call")
            && receiver is null or IInstanceReferenceOperation
            && method.Parameters.All(p => p.RefKind == RefKind.None);

        /// <summary>Reads the method once; null when it can be followed, else why not.</summary>
        public string? Read(string key, IMethodSymbol method)
        {
            var name = $"{method.ContainingType.Name}.{method.Name}";
            if (_read.ContainsKey(key))
            {
                return null;
            }

            if (_reading.Contains(key))
            {
                return $"a recursive call of {name}";
            }

            if (_read.Count + _reading.Count >= MaxHelpers)
            {
                return $"a call of {name} (NetGen follows at most {MaxHelpers} methods of one model)";
            }

            _reading.Add(key);
            var read = ReadMethod(method, name);
            _reading.Remove(key);
            if (read is not { } helper)
            {
                return $"a call of {name}";
            }

            _read[key] = new HelperSpec(key, helper.Spec, helper.Body is null ? EquatableArray<int>.Empty : ChangedInPlace(helper.Body, helper.Bound));
            return null;
        }

        /// <summary>
        /// A method's body as the analysis follows it (the forward's, or a helper's), read with the forward's semantic rules
        /// (<see cref="ForwardBinding"/>); null when the method has no body in source.
        /// </summary>
        public (ForwardSpec Spec, IOperation? Body, IMethodSymbol Bound)? ReadMethod(IMethodSymbol method, string what)
        {
            var syntax = TypeShapes.UserSyntax(method).OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Body is not null || m.ExpressionBody is not null);
            if (syntax is null)
            {
                return null;
            }

            var semantics = ForwardBinding.SemanticModelFor(_type, _shell, syntax, _compilation);
            if (semantics.GetDeclaredSymbol(syntax, _cancellationToken) is not IMethodSymbol bound)
            {
                return null;
            }

            var body = (SyntaxNode?)syntax.Body ?? syntax.ExpressionBody!;
            var operation = semantics.GetOperation(body, _cancellationToken);
            var reader = new ForwardReader(semantics, bound, bound.ContainingType, Members, Hyperparameters, _cancellationToken) { _helpers = this };
            var statements = operation is null
                ? EquatableArray.Create<ForwardStatement>(new UnknownStatement($"the body of {what} could not be read", EquatableArray<string>.Empty, LocationInfo.From(body)))
                : reader.BodyStatements(operation);
            return (new ForwardSpec(statements, LocationInfo.From(syntax.Identifier.GetLocation())), operation, bound);
        }

        /// <summary>The parameters an in-place operation that may change a shape is called on: the caller's tensor changes with them.</summary>
        private static EquatableArray<int> ChangedInPlace(IOperation body, IMethodSymbol method) => body.Descendants()
            .OfType<IInvocationOperation>()
            .Where(call => call.TargetMethod.Name.EndsWith("_", System.StringComparison.Ordinal) && !Analysis.ForwardOps.KeepsShape(call.TargetMethod.Name))
            .Select(call => call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null))
            .OfType<IParameterReferenceOperation>()
            .Where(reference => SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, method))
            .Select(reference => reference.Parameter.Ordinal)
            .Distinct()
            .ToEquatableArray();
    }
}
