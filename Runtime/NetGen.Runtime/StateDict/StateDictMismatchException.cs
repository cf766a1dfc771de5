using System;
using System.Text;

namespace NetGen
{
    /// <summary>
    /// Thrown by a strict load (or any load that meets a shape mismatch without
    /// <see cref="LoadOptions.SkipMismatchedShapes"/>) before anything is copied. The message lists every
    /// offending key with its shapes; <see cref="Report"/> has them as data.
    /// </summary>
    public sealed class StateDictMismatchException : Exception
    {
        internal StateDictMismatchException(LoadReport report)
            : base(Describe(report))
        {
            Report = report;
        }

        /// <summary>What would have been loaded; nothing was.</summary>
        public LoadReport Report { get; }

        private static string Describe(LoadReport report)
        {
            var text = new StringBuilder($"The state in '{report.Source}' does not match the model; nothing was loaded.");
            report.AppendNotes(text);
            report.AppendProblems(text);
            return text.ToString();
        }
    }
}
