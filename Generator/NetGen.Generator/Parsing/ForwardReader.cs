using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads a model's hand-written <c>forward</c> from Roslyn's operation tree into a <see cref="ForwardSpec"/> of
/// plain values. It decides what each call is (a member, a TorchSharp operation, a collection method) and keeps
/// everything else as <see cref="UnknownExpr"/> or <see cref="UnknownStatement"/>, so that the analysis never
/// mistakes what it does not model for something it does. This file reads statements; the partial files read
/// expressions and calls.
/// </summary>
internal sealed partial class ForwardReader
{
    private readonly SemanticModel _semantics;
    private readonly IMethodSymbol _forward;
    private readonly INamedTypeSymbol _model;
    private readonly HashSet<string> _members;
    private readonly HashSet<string> _hyperparameters;
    private readonly Dictionary<ILocalSymbol, string> _locals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _localNames = new(System.StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;

    /// <summary>
    /// The locals that stand for the method's parameters where the body assigns them (<c>x = pool.call(conv1.call(x));</c>,
    /// as the PyTorch tutorial writes), by position: each starts as the argument, and every read after an assignment sees
    /// the new value. A parameter never assigned is not here, and every read is the argument itself.
    /// </summary>
    private readonly Dictionary<int, string> _reassigned = new();

    /// <summary>The model's methods the forward calls, shared by the readers of the forward and of each method.</summary>
    private HelperLibrary? _helpers;

    private ForwardReader(SemanticModel semantics, IMethodSymbol forward, INamedTypeSymbol model, IEnumerable<string> members, IEnumerable<string> hyperparameters, CancellationToken cancellationToken)
    {
        _semantics = semantics;
        _forward = forward;
        _model = model;
        _members = new HashSet<string>(members, System.StringComparer.Ordinal);
        _hyperparameters = new HashSet<string>(hyperparameters, System.StringComparer.Ordinal);
        _cancellationToken = cancellationToken;
    }

    /// <summary>The model's forward as a <see cref="ForwardSpec"/>; null when it declares none NetGen can read (no body in source).</summary>
    public static ForwardSpec? Read(INamedTypeSymbol type, ModelShell shell, IEnumerable<MemberSpec> members, Compilation compilation, CancellationToken cancellationToken)
    {
        var forward = type.GetMembers("forward").OfType<IMethodSymbol>()
            .FirstOrDefault(m => !m.IsImplicitlyDeclared && m.Parameters.Length == 1 && !TypeShapes.IsNetGenGenerated(m));
        if (forward is null)
        {
            return null;
        }

        var helpers = new HelperLibrary(type, shell, members.Select(m => m.Name).ToList(), compilation, cancellationToken);
        return helpers.ReadMethod(forward, "the forward") is { } read ? read.Spec with { Helpers = helpers.Read() } : null;
    }

    /// <summary>The body's statements, after one per parameter the body assigns, which copies the argument into its local.</summary>
    private EquatableArray<ForwardStatement> BodyStatements(IOperation body)
    {
        var list = new List<ForwardStatement>();
        foreach (var parameter in _forward.Parameters)
        {
            if (body.DescendantsAndSelf().Any(d => d is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter) && IsWritten(reference)))
            {
                _reassigned[parameter.Ordinal] = parameter.Name;
                _localNames.Add(parameter.Name);
                list.Add(new AssignStatement(parameter.Name, new InputRef(parameter.Ordinal, null), null));
            }
        }

        AddStatement(list, body);
        return list.ToEquatableArray();
    }

    private EquatableArray<ForwardStatement> Statements(IOperation operation)
    {
        var list = new List<ForwardStatement>();
        AddStatement(list, operation);
        return list.ToEquatableArray();
    }

    private EquatableArray<ForwardStatement> Statements(IEnumerable<IOperation> operations)
    {
        var list = new List<ForwardStatement>();
        foreach (var operation in operations)
        {
            AddStatement(list, operation);
        }

        return list.ToEquatableArray();
    }

    private void AddStatement(List<ForwardStatement> list, IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var location = LocationInfo.From(operation.Syntax);
        switch (operation)
        {
            case IBlockOperation block:
                foreach (var inner in block.Operations)
                {
                    AddStatement(list, inner);
                }

                break;
            case IVariableDeclarationGroupOperation group:
                AddDeclarations(list, group.Declarations);
                break;
            case IUsingDeclarationOperation usingDeclaration:
                AddDeclarations(list, usingDeclaration.DeclarationGroup.Declarations);
                break;
            case IUsingOperation usingStatement:
                if (usingStatement.Resources is { } resources)
                {
                    AddStatement(list, resources);
                }

                AddStatement(list, usingStatement.Body);
                break;
            case ILockOperation lockStatement:
                AddStatement(list, lockStatement.Body);
                break;
            case IExpressionStatementOperation statement:
                AddExpressionStatement(list, statement.Operation, location);
                break;
            case IReturnOperation { Kind: OperationKind.Return } returned:
                list.Add(new ReturnStatement(returned.ReturnedValue is { } value ? Expr(value) : null, location));
                break;
            case IThrowOperation:
                list.Add(new ThrowStatement(location));
                break;
            case IConditionalOperation { WhenFalse: var whenFalse } conditional when conditional.Type is null || conditional.Type.SpecialType == SpecialType.System_Void:
                list.Add(new IfStatement(Expr(conditional.Condition), Statements(conditional.WhenTrue),
                    whenFalse is null ? EquatableArray<ForwardStatement>.Empty : Statements(whenFalse), location));
                break;
            case IForEachLoopOperation forEach:
                list.Add(ForEach(forEach, location));
                break;
            case IForLoopOperation forLoop:
                list.Add(For(forLoop, location));
                break;
            case ILoopOperation loop:
                list.Add(new OpaqueLoopStatement($"a {Describe(loop.LoopKind)} loop", Writes(loop), Statements(loop.Body), location));
                break;
            case IEmptyOperation:
            case ILocalFunctionOperation:
                break;
            default:
                list.Add(new UnknownStatement($"a statement NetGen does not model ({Kind(operation)})", Writes(operation), location));
                break;
        }
    }

    private void AddDeclarations(List<ForwardStatement> list, IEnumerable<IVariableDeclarationOperation> declarations)
    {
        foreach (var declaration in declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                var initializer = declarator.Initializer ?? declaration.Initializer;
                if (initializer is not null)
                {
                    list.Add(new AssignStatement(Local(declarator.Symbol), Expr(initializer.Value), LocationInfo.From(declarator.Syntax)));
                }
            }
        }
    }

    private void AddExpressionStatement(List<ForwardStatement> list, IOperation expression, LocationInfo? location)
    {
        switch (expression)
        {
            case ISimpleAssignmentOperation assignment when Variable(assignment.Target) is { } target:
                list.Add(new AssignStatement(target, Expr(assignment.Value), location));
                break;
            case ICompoundAssignmentOperation compound when Variable(compound.Target) is { } target && BinaryOperator(compound.OperatorKind) is { } op:
                list.Add(new AssignStatement(target, new BinaryExpr(op, Expr(compound.Target), Expr(compound.Value), location), location));
                break;
            case IIncrementOrDecrementOperation step when Variable(step.Target) is { } target:
                var one = new ConstantExpr(ArgValue.FromInt(1), location);
                list.Add(new AssignStatement(target, new BinaryExpr(step.Kind == OperationKind.Increment ? "+" : "-", Expr(step.Target), one, location), location));
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                list.Add(Deconstruct(deconstruction, location));
                break;
            case IThrowOperation:
                list.Add(new ThrowStatement(location));
                break;
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                // An assignment to a field or property of the model: its value is analysed, and what it writes is not followed.
                list.Add(new EvaluateStatement(new UnknownExpr("an assignment to something other than a local", Operands(expression), Havoc(expression), location), location));
                break;
            default:
                list.Add(new EvaluateStatement(Expr(expression), location));
                break;
        }
    }

    private ForwardStatement Deconstruct(IDeconstructionAssignmentOperation deconstruction, LocationInfo? location)
    {
        var target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
        if (target is not ITupleOperation tuple)
        {
            return new UnknownStatement("a deconstruction NetGen does not follow", Writes(deconstruction), location);
        }

        var names = tuple.Elements.Select(element => Variable(element is IDeclarationExpressionOperation declared ? declared.Expression : element) ?? "").ToEquatableArray();
        if (tuple.Elements.Any(e => e is ITupleOperation or IDeclarationExpressionOperation { Expression: ITupleOperation }))
        {
            return new UnknownStatement("a nested deconstruction", Writes(deconstruction), location);
        }

        return new DeconstructStatement(names, Expr(deconstruction.Value), location);
    }

    private ForwardStatement ForEach(IForEachLoopOperation forEach, LocationInfo? location)
    {
        var variable = forEach.Locals.Length == 1 && forEach.LoopControlVariable is IVariableDeclaratorOperation declarator ? declarator.Symbol : null;
        if (variable is null || HasJumps(forEach.Body))
        {
            return new OpaqueLoopStatement(variable is null ? "a foreach loop NetGen does not follow" : "a foreach loop with break, continue or goto", Writes(forEach), Statements(forEach.Body), location);
        }

        return new ForEachStatement(Local(variable), Expr(forEach.Collection), Statements(forEach.Body), location);
    }

    /// <summary><c>for (var i = a; i &lt; b; i++)</c> (or <c>i += k</c>, <c>&lt;=</c>) is followed step by step; any other <c>for</c> is an opaque loop.</summary>
    private ForwardStatement For(IForLoopOperation loop, LocationInfo? location)
    {
        if (loop.Locals.Length == 1 && loop.Before.Length == 1 && loop.AtLoopBottom.Length == 1 && !HasJumps(loop.Body)
            && loop.Before[0] is IVariableDeclarationGroupOperation { Declarations: [{ Declarators: [{ Initializer: { } start } declarator] }] }
            && loop.Condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual, LeftOperand: ILocalReferenceOperation compared } condition
            && SymbolEqualityComparer.Default.Equals(compared.Local, declarator.Symbol)
            && Step(loop.AtLoopBottom[0], declarator.Symbol) is { } step
            && !Writes(loop.Body).Contains(Local(declarator.Symbol)))
        {
            return new ForStatement(Local(declarator.Symbol), Expr(start.Value), Expr(condition.RightOperand),
                condition.OperatorKind == BinaryOperatorKind.LessThanOrEqual, step, Statements(loop.Body), location);
        }

        return new OpaqueLoopStatement("a for loop NetGen does not count", Writes(loop), Statements(loop.Body), location);
    }

    /// <summary>The step of <c>i++</c>, <c>++i</c> or <c>i += k</c>; null for anything else.</summary>
    private ForwardExpr? Step(IOperation bottom, ILocalSymbol variable)
    {
        var operation = bottom is IExpressionStatementOperation statement ? statement.Operation : bottom;
        return operation switch
        {
            IIncrementOrDecrementOperation { Kind: OperationKind.Increment, Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, variable)
                => new ConstantExpr(ArgValue.FromInt(1), LocationInfo.From(operation.Syntax)),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target } compound when SymbolEqualityComparer.Default.Equals(target.Local, variable)
                => Expr(compound.Value),
            _ => null,
        };
    }

    private static bool HasJumps(IOperation body) =>
        body.Descendants().Any(d => d is IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue or BranchKind.GoTo });

    /// <summary>The variable a reference names: a local, or a parameter where the body assigns it; null for anything else.</summary>
    private string? Variable(IOperation reference) => reference switch
    {
        ILocalReferenceOperation local => Local(local.Local),
        IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, _forward)
            && _reassigned.TryGetValue(parameter.Parameter.Ordinal, out var name) => name,
        _ => null,
    };

    /// <summary>The unique name of a local: its own, or with <c>#2</c>, <c>#3</c> when another local already has it.</summary>
    private string Local(ILocalSymbol symbol)
    {
        if (_locals.TryGetValue(symbol, out var name))
        {
            return name;
        }

        name = symbol.Name;
        for (var i = 2; !_localNames.Add(name); i++)
        {
            name = symbol.Name + "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _locals[symbol] = name;
        return name;
    }

    /// <summary>
    /// The locals an operation NetGen does not follow may change: those it assigns or declares, the collections and
    /// tuples it mentions (it may add to them), and tensors on which it calls a method ending in <c>_</c> (in place).
    /// </summary>
    private EquatableArray<string> Writes(IOperation operation)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var node in operation.DescendantsAndSelf())
        {
            switch (node)
            {
                case IVariableDeclaratorOperation declarator:
                    names.Add(Local(declarator.Symbol));
                    break;
                case ILocalReferenceOperation local when IsWritten(local) || !IsImmutableValue(local.Local.Type):
                    names.Add(Local(local.Local));
                    break;
                case IParameterReferenceOperation when IsWritten(node) && Variable(node) is { } input:
                    names.Add(input);
                    break;
                case IInvocationOperation { Instance: { } receiver } call when call.TargetMethod.Name.EndsWith("_", System.StringComparison.Ordinal) && Variable(receiver) is { } changed:
                    names.Add(changed);
                    break;
            }
        }

        return names.ToEquatableArray();
    }

    /// <summary>Whether a reference to a local or parameter is where it is written.</summary>
    private static bool IsWritten(IOperation reference) => reference.Parent switch
    {
        ISimpleAssignmentOperation assignment => assignment.Target == reference,
        ICompoundAssignmentOperation compound => compound.Target == reference,
        IIncrementOrDecrementOperation => true,
        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
        IDeclarationExpressionOperation => true,
        ITupleOperation { Parent: IDeconstructionAssignmentOperation or IDeclarationExpressionOperation } => true,
        _ => reference is ILocalReferenceOperation { IsDeclaration: true },
    };

    /// <summary>Tensors, numbers, flags and strings cannot be changed through a reference (tensors only in place, which <see cref="Writes"/> catches).</summary>
    private static bool IsImmutableValue(ITypeSymbol? type) =>
        type is not null && (type.IsValueType && !type.IsTupleType || type.SpecialType == SpecialType.System_String || TypeShapes.MetadataName(type) == KnownNames.Tensor || TypeShapes.IsModule(type));

    private static string Describe(LoopKind kind) => kind switch
    {
        LoopKind.While => "while",
        LoopKind.For => "for",
        LoopKind.ForTo => "for",
        LoopKind.ForEach => "foreach",
        _ => "",
    };

    private static string Kind(IOperation operation) => operation.Kind.ToString();
}
