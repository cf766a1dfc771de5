using System;

namespace NetGen
{
    /// <summary>
    /// The one exception NetGen throws for a checkpoint file that is corrupt, truncated, hostile or not in the
    /// expected format. Its message names the file, the entry when the problem belongs to one, and what is
    /// wrong. No code from the file runs and nothing is allocated from an unchecked size before this is thrown.
    /// </summary>
    public sealed class CheckpointFormatException : Exception
    {
        /// <summary>Creates the exception for <paramref name="filePath"/> with a description of the problem.</summary>
        public CheckpointFormatException(string filePath, CheckpointFormat format, string problem, Exception? inner = null)
            : this(filePath, format, problem, key: null, inner)
        {
        }

        /// <summary>Creates the exception for a problem with the entry <paramref name="key"/> of <paramref name="filePath"/>.</summary>
        public CheckpointFormatException(string filePath, CheckpointFormat format, string problem, string? key, Exception? inner = null)
            : base(key is null
                ? $"{format} checkpoint '{filePath}' is invalid: {problem}"
                : $"{format} checkpoint '{filePath}' is invalid at '{key}': {problem}", inner)
        {
            FilePath = filePath;
            Format = format;
            Problem = problem;
            Key = key;
        }

        /// <summary>The file path, or a description of the stream that was read.</summary>
        public string FilePath { get; }

        /// <summary>The format the file was read as.</summary>
        public CheckpointFormat Format { get; }

        /// <summary>What is wrong, without the file name.</summary>
        public string Problem { get; }

        /// <summary>The state-dict key whose data is at fault, or null when the problem is not one entry's (e.g. a bad zip directory).</summary>
        public string? Key { get; }
    }
}
