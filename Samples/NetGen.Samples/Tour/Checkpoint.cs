using System;
using System.IO;
using static TorchSharp.torch;

namespace NetGen.Samples.Tour;

/// <summary>Saving a model's state dict so that a crash or Ctrl+C never leaves a partial file.</summary>
public static class Checkpoint
{
    /// <summary>
    /// Writes <paramref name="model"/>'s state dict (TorchSharp's format, <c>module.save</c>) to a temporary
    /// file in the destination's directory, then moves it over <paramref name="path"/> in one rename. The
    /// destination is either the old file or the complete new one; the temporary file is removed on failure.
    /// </summary>
    public static void SaveAtomic(nn.Module model, string path)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            model.save(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
