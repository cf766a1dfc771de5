using System;

namespace NetGen.Samples.Data;

/// <summary>
/// Thrown when a Fashion-MNIST (IDX) file is missing, unreadable, corrupt or truncated. <see cref="FilePath"/>
/// names the file and the message says what is wrong with it.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it, without the path.</summary>
    public string Problem { get; }
}
