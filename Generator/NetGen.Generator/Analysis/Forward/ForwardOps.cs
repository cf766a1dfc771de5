using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Analysis;

/// <summary>
/// The catalogue of TorchSharp operations a hand-written forward is followed through: each name (as a
/// <c>Tensor</c> method, a <c>torch</c> function or a <c>torch.nn.functional</c> function) with its shape rule.
/// A name that is not here is not modelled: its result is unknown and checking stops there. docs/forward-analysis.md
/// lists the same names; a test checks that the two agree.
/// </summary>
internal static partial class ForwardOps
{
    /// <summary>Operations that keep the shape: activations, dropout, casts, copies, dispose-scope moves, their in-place forms.</summary>
    public static readonly string[] ShapeKeeping =
    {
        "relu", "relu6", "gelu", "silu", "sigmoid", "tanh", "elu", "selu", "celu", "leaky_relu", "softplus", "softsign", "hardswish",
        "hardsigmoid", "hardtanh", "mish", "logsigmoid", "dropout", "dropout1d", "dropout2d", "alpha_dropout", "feature_alpha_dropout",
        "abs", "exp", "log", "log2", "log10", "log1p", "expm1", "sqrt", "rsqrt", "neg", "negative", "reciprocal", "sign", "square", "sin",
        "cos", "tan", "floor", "ceil", "round", "trunc", "frac", "erf", "clamp", "clip", "clamp_min", "clamp_max", "nan_to_num",
        "contiguous", "clone", "detach", "alias", "cpu", "cuda", "to", "type", "float", "double", "half", "bfloat16", "long", "int", "bool",
        "MoveToOuterDisposeScope", "MoveToOtherDisposeScope", "DetachFromDisposeScope", "requires_grad_", "type_as", "roll", "flip",
        "triu", "tril", "isnan", "isinf", "isfinite", "logical_not", "bitwise_not", "asin", "acos", "atan", "sinh", "cosh", "erfc",
        "logit", "sgn",
        "relu_", "relu6_", "gelu_", "silu_", "sigmoid_", "tanh_", "elu_", "leaky_relu_", "hardswish_", "dropout_", "clamp_", "clip_",
        "zero_", "fill_", "neg_", "exp_", "sqrt_", "abs_", "uniform_", "normal_", "detach_",
    };

    private static readonly HashSet<string> KeepingShape = new(ShapeKeeping, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> gives its input's shape whatever its other arguments (a dtype, a device, a flag).</summary>
    public static bool KeepsShape(string name) => KeepingShape.Contains(name);

    /// <summary>Operations of two tensors (or a tensor and a number) that broadcast.</summary>
    public static readonly string[] Broadcasting =
    {
        "add", "sub", "mul", "div", "true_divide", "multiply", "subtract", "divide", "maximum", "minimum", "pow", "fmod", "remainder",
        "atan2", "eq", "ne", "gt", "lt", "ge", "le", "greater", "less", "equal", "not_equal", "logical_and", "logical_or", "logical_xor",
        "add_", "sub_", "mul_", "div_", "pow_", "masked_fill", "masked_fill_",
    };

    private static readonly HashSet<string> BroadcastingNames = new(Broadcasting, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> broadcasts its operands, so that a number among them cannot change the shape.</summary>
    public static bool Broadcasts(string name) => BroadcastingNames.Contains(name);

    /// <summary>Calls that return no tensor and change none (dispose scopes, gradient modes).</summary>
    public static readonly string[] NoTensor =
    {
        "NewDisposeScope", "no_grad", "enable_grad", "inference_mode", "set_grad_enabled", "manual_seed",
    };

    private static readonly Dictionary<string, Func<OpCall, ForwardValue>> Rules = Build();

    /// <summary>Every modelled operation's name, for the documentation test.</summary>
    public static IEnumerable<string> Names => Rules.Keys.OrderBy(n => n, StringComparer.Ordinal);

    public static bool TryGet(string name, out Func<OpCall, ForwardValue> rule) => Rules.TryGetValue(name, out rule!);

    /// <summary>The name a call's rule is found by: its method's name, prefixed by <c>linalg.</c> for <c>torch.linalg</c>'s.</summary>
    public static string NameOf(Model.CallExpr call) => call.Family == Model.CallFamily.Linalg ? "linalg." + call.Name : call.Name;

    private static Dictionary<string, Func<OpCall, ForwardValue>> Build()
    {
        var rules = new Dictionary<string, Func<OpCall, ForwardValue>>(StringComparer.Ordinal);
        void Add(Func<OpCall, ForwardValue> rule, params string[] names)
        {
            foreach (var name in names)
            {
                rules[name] = rule;
            }
        }

        Add(KeepShape, ShapeKeeping);
        Add(BroadcastRule, Broadcasting);
        Add(_ => ForwardValue.Unknown(), NoTensor);
        Add(Where, "where");
        Add(Cat, "cat", "concat", "concatenate");
        Add(Stack, "stack");
        Add(Chunk, "chunk");
        Add(Split, "split");
        Add(Unbind, "unbind");
        Add(View, "view", "reshape");
        Add(ViewAs, "view_as", "reshape_as");
        Add(ExpandAs, "expand_as");
        Add(Flatten, "flatten");
        Add(Permute, "permute");
        Add(Transpose, "transpose", "swapaxes", "swapdims");
        Add(T, "t");
        Add(Unsqueeze, "unsqueeze");
        Add(Squeeze, "squeeze");
        Add(Expand, "expand");
        Add(RepeatRule, "repeat");
        Add(Reduce, "mean", "sum", "amax", "amin", "prod", "std", "var", "logsumexp", "argmax", "argmin", "all", "any", "nansum", "nanmean", "norm", "linalg.norm", "linalg.vector_norm");
        Add(MaxMin, "max", "min");
        Add(AlongDim, "softmax", "log_softmax", "cumsum", "cumprod");
        Add(MatMul, "matmul");
        Add(Einsum, "einsum");
        Add(Bmm, "bmm");
        Add(Mm, "mm");
        Add(Narrow, "narrow");
        Add(Unfold, "unfold");
        Add(Select, "select");
        Add(IndexSelect, "index_select");
        Add(Interpolate, "interpolate", "upsample");
        Add(Pad, "pad");
        Add(ScaledDotProductAttention, "scaled_dot_product_attention");
        Add(Pool, "avg_pool1d", "max_pool1d", "avg_pool2d", "max_pool2d", "max_pool3d");
        Add(AdaptivePool, "adaptive_avg_pool2d", "adaptive_max_pool2d");
        Add(Linear, "linear");
        Add(LayerNorm, "layer_norm");
        Add(Normalize, "normalize");
        Add(DimCount, "dim", "ndimension");
        Add(SizeOf, "size");
        Add(Numel, "numel");
        Add(op => new RealValue(null) { Taint = op.Input?.Taint }, "item");
        Add(Creation, "zeros", "ones", "empty", "rand", "randn", "full");
        Add(Like, "zeros_like", "ones_like", "empty_like", "rand_like", "randn_like", "full_like");
        Add(Arange, "arange");
        return rules;
    }
}
