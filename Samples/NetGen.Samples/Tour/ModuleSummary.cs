using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Samples.Tour;

/// <summary>
/// A summary computed from the module tree at run time: every named submodule, its type and the number of
/// parameters it owns directly, and the totals.
/// </summary>
public static class ModuleSummary
{
    // Depth-first, parents before children, children in registration order (PyTorch's named_modules order).
    private static void Walk(nn.Module module, string path, string prefix, List<(string, string, long)> rows)
    {
        rows.Add((path, module.GetType().Name, module.named_parameters(recurse: false).Sum(p => p.parameter.numel())));
        foreach (var (name, child) in module.named_children())
            Walk(child, prefix + name, prefix + name + ".", rows);
    }

    public static void Print(nn.Module model, string name, TextWriter output)
    {
        var rows = new List<(string Path, string Type, long Params)>();
        Walk(model, "(root)", "", rows);
        int w = Math.Max(24, rows.Max(r => r.Path.Length) + 2);
        int tw = Math.Max(12, rows.Max(r => r.Type.Length) + 2);
        output.WriteLine($"{name}");
        output.WriteLine($"  {"module".PadRight(w)}{"type".PadRight(tw)}{"params",12}");
        foreach (var r in rows)
            output.WriteLine($"  {r.Path.PadRight(w)}{r.Type.PadRight(tw)}{r.Params,12:N0}");
        long total = model.parameters().Sum(p => p.numel());
        long trainable = model.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
        long buffers = model.buffers().Sum(b => b.numel());
        output.WriteLine($"  {rows.Count} modules, {total:N0} parameters ({trainable:N0} trainable), " +
                         $"{buffers:N0} buffer elements, {model.state_dict().Count} state-dict entries");
    }
}
