using System;

namespace NetGen
{
    /// <summary>
    /// The one exception NetGen throws for a checkpoint file that is corrupt, truncated, hostile or not in the
    /// expected format. Its message names the file and what is wrong with it. No code from the file runs and
    /// nothing is allocated from an unchecked size before this is thrown.
    /// </summary>
    public sealed class CheckpointFormatException : Exception
    {
        /// <summary>Creates the exception for <paramref name="filePath"/> with a description of the problem.</summary>
        public CheckpointFormatException(string filePath, CheckpointFormat format, string problem, Exception? inner = null)
            : base($"{format} checkpoint '{filePath}' is invalid: {problem}", inner)
        {
            FilePath = filePath;
            Format = format;
            Problem = problem;
        }

        /// <summary>The file path, or a description of the stream that was read.</summary>
        public string FilePath { get; }

        /// <summary>The format the file was read as.</summary>
        public CheckpointFormat Format { get; }

        /// <summary>What is wrong, without the file name.</summary>
        public string Problem { get; }
    }
}
