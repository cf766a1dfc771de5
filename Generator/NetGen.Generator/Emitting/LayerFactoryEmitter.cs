using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes the call that creates a layer module: a child block's constructor, or the TorchSharp factory call
/// that the layer's catalogue entry writes (every argument PyTorch would pass, by TorchSharp's names).
/// </summary>
internal static class LayerFactoryEmitter
{
    public static string Create(LayerSpec layer)
    {
        if (layer.Dense is { } dense)
        {
            var index = dense.Index is null ? "__i" : "@" + dense.Index;
            if (!dense.Concatenates)
            {
                var naming = dense.Prefix.Length == 0 && dense.FirstNumber == 0 ? "" : $"\"{dense.Prefix}\", {dense.FirstNumber}, ";
                return $"global::NetGen.SequentialStage.Of((int)({dense.Count.ToCSharp()}), {naming}(int {index}) => new {layer.BlockType}({string.Join(", ", layer.BlockArgs.Select(a => a.ToCSharp()))}))";
            }

            return $"global::NetGen.DenseStage.Of((int)({dense.Count.ToCSharp()}), \"{dense.Prefix}\", {dense.FirstNumber}, (int {index}) => new {layer.BlockType}({string.Join(", ", layer.BlockArgs.Select(a => a.ToCSharp()))}))";
        }

        if (layer.Kind == LayerKind.Block)
        {
            return $"new {layer.BlockType}({string.Join(", ", layer.BlockArgs.Select(a => a.ToCSharp()))})";
        }

        return layer.Kind.Entry() is { } entry ? entry.Construct(layer) : $"/* NetGen knows no layer {layer.Kind} */ null!";
    }
}
