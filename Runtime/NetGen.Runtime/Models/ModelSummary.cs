using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen
{
    /// <summary>One layer of a compile-time summary. Unknown sizes are -1.</summary>
    /// <param name="Path">The module's state-dict prefix, e.g. <c>layer1.0.left.0</c>.</param>
    /// <param name="Depth">Nesting depth, 0 for the model's own members.</param>
    /// <param name="OutputShape">The output of one sample, without the batch dimension.</param>
    public sealed record SummaryRow(string Path, string Type, int Depth, long[] OutputShape, long Parameters, long MultAdds);

    /// <summary>
    /// A torchinfo-style summary that NetGen computes at compile time from the declared input and the
    /// default hyperparameters, so it is available without running the model.
    /// </summary>
    public sealed class ModelSummary
    {
        public ModelSummary(string model, long[] input, IReadOnlyList<SummaryRow> rows, long totalParameters, long totalMultAdds)
        {
            Model = model;
            Input = input;
            Rows = rows;
            TotalParameters = totalParameters;
            TotalMultAdds = totalMultAdds;
        }

        public string Model { get; }

        public long[] Input { get; }

        public IReadOnlyList<SummaryRow> Rows { get; }

        public long TotalParameters { get; }

        /// <summary>Every declared parameter is trainable until frozen, as in torchinfo.</summary>
        public long TrainableParameters => TotalParameters;

        /// <summary>Buffers (BatchNorm running statistics) are not parameters, so this is 0.</summary>
        public long NonTrainableParameters => 0;

        public long TotalMultAdds { get; }

        /// <summary>The table: one line per layer, indented by depth, then the totals.</summary>
        public override string ToString()
        {
            var lines = Rows.Select(r => (Layer: new string(' ', 2 * r.Depth) + r.Path + " (" + r.Type + ")", Shape: Shape(r.OutputShape), Params: Count(r.Parameters))).ToList();
            var width = Math.Max(32, lines.Count == 0 ? 0 : lines.Max(l => l.Layer.Length) + 2);
            var text = new StringBuilder();
            var rule = new string('=', width + 40);
            text.AppendLine(rule);
            text.AppendLine("Layer (type)".PadRight(width) + "Output Shape".PadRight(24) + "Param #".PadLeft(16));
            text.AppendLine(rule);
            text.AppendLine($"{Model} input".PadRight(width) + Shape(Input));
            foreach (var line in lines)
            {
                text.AppendLine(line.Layer.PadRight(width) + line.Shape.PadRight(24) + line.Params.PadLeft(16));
            }

            text.AppendLine(rule);
            text.AppendLine($"Total params: {Count(TotalParameters)}");
            text.AppendLine($"Trainable params: {Count(TrainableParameters)}");
            text.AppendLine($"Non-trainable params: {Count(NonTrainableParameters)}");
            text.AppendLine($"Total mult-adds: {Count(TotalMultAdds)}");
            text.Append(rule);
            return text.ToString();
        }

        private static string Shape(long[] shape) => "[" + string.Join(", ", new[] { "1" }.Concat(shape.Select(d => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture)))) + "]";

        private static string Count(long value) => value < 0 ? "?" : value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
