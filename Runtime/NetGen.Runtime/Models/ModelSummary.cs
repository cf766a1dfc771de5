using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>One layer of a compile-time summary. Unknown sizes and counts are -1.</summary>
    /// <param name="Path">The module's state-dict prefix, e.g. <c>layer1.0.left.0</c>.</param>
    /// <param name="Type">The module's type (<c>Conv2d</c>), <c>Parameter</c> for a learnable tensor, or a block's class.</param>
    /// <param name="Depth">Nesting depth, 0 for the model's own members.</param>
    /// <param name="OutputShape">The output of one sample, without the batch dimension; null when not even its rank is known.</param>
    /// <param name="Parameters">Learnable elements, or -1 when known only at run time.</param>
    /// <param name="MultAdds">Multiply-adds for one sample, as torchinfo counts them, or -1 when unknown.</param>
    public sealed record SummaryRow(string Path, string Type, int Depth, long[]? OutputShape, long Parameters, long MultAdds);

    /// <summary>
    /// A torchinfo-style summary that NetGen computes at compile time from the declared input and the
    /// default hyperparameters, so it is available without running the model. What is not known at compile
    /// time is shown as <c>?</c>, never guessed, and <see cref="Notes"/> say why; <see cref="For"/> fills the
    /// parameter counts of such rows from a live model.
    /// </summary>
    public sealed class ModelSummary
    {
        /// <summary>A summary of <paramref name="model"/>; generated code builds it with <see cref="Parse"/>.</summary>
        public ModelSummary(string model, long[] input, IReadOnlyList<SummaryRow> rows, long totalParameters, long totalMultAdds, IReadOnlyList<string>? notes = null)
            : this(model, input, rows, totalParameters, totalMultAdds, notes, null, "", null)
        {
        }

        private ModelSummary(string model, long[] input, IReadOnlyList<SummaryRow> rows, long totalParameters, long totalMultAdds,
            IReadOnlyList<string>? notes, string? variant, string arguments, IReadOnlyDictionary<string, ModelSummary>? variants)
        {
            Model = model;
            Input = input;
            Rows = rows;
            TotalParameters = totalParameters;
            TotalMultAdds = totalMultAdds;
            Notes = notes ?? Array.Empty<string>();
            Variant = variant;
            Arguments = arguments;
            Variants = variants ?? EmptyVariants;
        }

        private static readonly IReadOnlyDictionary<string, ModelSummary> EmptyVariants = new Dictionary<string, ModelSummary>(StringComparer.Ordinal);

        /// <summary>The model's class name.</summary>
        public string Model { get; }

        /// <summary>The declared input sample; empty when the model declares none.</summary>
        public long[] Input { get; }

        /// <summary>Every layer and block, in forward order, containers before their children.</summary>
        public IReadOnlyList<SummaryRow> Rows { get; }

        /// <summary>The parameter count, or -1 when some of it is known only at run time.</summary>
        public long TotalParameters { get; }

        /// <summary>Every declared parameter is trainable until frozen, as in torchinfo.</summary>
        public long TrainableParameters => TotalParameters;

        /// <summary>Buffers (BatchNorm running statistics) are not parameters, so this is 0.</summary>
        public long NonTrainableParameters => 0;

        /// <summary>Multiply-adds for one sample, or -1 when some of it is not known at compile time.</summary>
        public long TotalMultAdds { get; }

        /// <summary>Where the numbers are not the whole story: a hand-written forward, a module NetGen cannot see into.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>The static factory this summary is for (<c>ResNet50</c>), or null for the default hyperparameters.</summary>
        public string? Variant { get; }

        /// <summary>The hyperparameters the factory sets, e.g. <c>block = ResNetBlock.Bottleneck, layers3 = 6</c>; empty for the defaults.</summary>
        public string Arguments { get; }

        /// <summary>
        /// The summary at each static factory of the model whose arguments are constants, keyed by the factory's name, e.g.
        /// <c>ResNet.Summary.Variants[nameof(ResNet.ResNet50)]</c>. NetGen computes them at compile time with the same shape
        /// walk as the defaults'. Empty on a variant's own summary.
        /// </summary>
        public IReadOnlyDictionary<string, ModelSummary> Variants { get; }

        /// <summary>
        /// This summary with every row's parameters counted on <paramref name="model"/>, so that the counts NetGen
        /// could not know at compile time (a module without a NetGen attribute, a parameter held in a field) are
        /// filled in and the total is the model's. A model built with other hyperparameters than the defaults the
        /// summary was computed for has other counts; then its shapes and mult-adds are not known either, and
        /// show as <c>?</c> with a note, rather than the defaults' figures.
        /// </summary>
        public ModelSummary For(nn.Module model)
        {
            ArgumentNullException.ThrowIfNull(model);
            var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.numel(), StringComparer.Ordinal);
            long CountUnder(string path) => parameters.Where(p => ModulePaths.Covers(path, p.Key)).Sum(p => p.Value);
            var rows = Rows.Select(r => r with { Parameters = CountUnder(r.Path) }).ToList();
            var total = parameters.Values.Sum();
            var sameHyperparameters = Rows.Zip(rows).All(pair => pair.First.Parameters < 0 || pair.First.Parameters == pair.Second.Parameters);
            if (sameHyperparameters)
            {
                return new ModelSummary(Model, Input, rows, total, TotalMultAdds, Notes, Variant, Arguments, Variants);
            }

            var unknownShapes = rows.Select(r => r with { OutputShape = null, MultAdds = -1 }).ToList();
            var note = $"This {Model} has other hyperparameters than the {(Variant is null ? "defaults" : Variant + "()'s")} the summary was computed for: the parameter counts are its own, "
                + "its shapes and mult-adds are not known, and the rows are those of that layout."
                + (Variants.Count == 0 ? "" : $" Summary.Variants holds the summary of each factory ({string.Join(", ", Variants.Keys)}).");
            return new ModelSummary(Model, Input, unknownShapes, total, -1, Notes.Append(note).ToList(), Variant, Arguments, Variants);
        }

        /// <summary>
        /// Reads the compact form NetGen's generator writes: tab-separated lines <c>input</c>, <c>row</c> (path,
        /// type, depth, shape, parameters, mult-adds), <c>total</c> and <c>note</c>; dims are comma-separated,
        /// -1 unknown, and a shape of <c>?</c> has an unknown rank. A <c>variant</c> line (factory, hyperparameters)
        /// starts the section of one factory's summary.
        /// </summary>
        public static ModelSummary Parse(string model, string data)
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(data);
            var sections = new List<(string? Variant, string Arguments, List<string[]> Lines)> { (null, "", new List<string[]>()) };
            foreach (var line in data.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = line.Split('\t');
                if (fields[0] == "variant")
                {
                    sections.Add((fields[1], fields.Length > 2 ? fields[2] : "", new List<string[]>()));
                }
                else
                {
                    sections[^1].Lines.Add(fields);
                }
            }

            var variants = sections.Skip(1).ToDictionary(s => s.Variant!, s => Section(model, s.Lines, s.Variant, s.Arguments, null), StringComparer.Ordinal);
            return Section(model, sections[0].Lines, null, "", variants);
        }

        private static ModelSummary Section(string model, List<string[]> lines, string? variant, string arguments, IReadOnlyDictionary<string, ModelSummary>? variants)
        {
            var input = Array.Empty<long>();
            var rows = new List<SummaryRow>();
            var notes = new List<string>();
            long totalParameters = -1, totalMultAdds = -1;
            foreach (var fields in lines)
            {
                switch (fields[0])
                {
                    case "input":
                        input = Dims(fields[1]) ?? Array.Empty<long>();
                        break;
                    case "row":
                        rows.Add(new SummaryRow(fields[1], fields[2], int.Parse(fields[3], CultureInfo.InvariantCulture), Dims(fields[4]), Number(fields[5]), Number(fields[6])));
                        break;
                    case "total":
                        totalParameters = Number(fields[1]);
                        totalMultAdds = Number(fields[2]);
                        break;
                    case "note":
                        notes.Add(fields[1]);
                        break;
                    default:
                        throw new FormatException($"A NetGen summary of '{model}' has an unknown line kind '{fields[0]}'.");
                }
            }

            return new ModelSummary(model, input, rows, totalParameters, totalMultAdds, notes, variant, arguments, variants);
        }

        /// <summary>The table: one line per layer, indented by depth, then the totals and the notes.</summary>
        public override string ToString()
        {
            var lines = Rows.Select(r => (Layer: new string(' ', 2 * r.Depth) + r.Path + " (" + r.Type + ")", Shape: Shape(r), Params: Count(r.Parameters))).ToList();
            var width = Math.Max(32, lines.Count == 0 ? 0 : lines.Max(l => l.Layer.Length) + 2);
            var text = new StringBuilder();
            var rule = new string('=', width + 40);
            text.AppendLine(rule);
            text.AppendLine("Layer (type)".PadRight(width) + "Output Shape".PadRight(24) + "Param #".PadLeft(16));
            text.AppendLine(rule);
            if (Variant is not null)
            {
                text.AppendLine($"{Model}.{Variant}(): {(Arguments.Length == 0 ? "the defaults" : Arguments)}");
            }

            text.AppendLine($"{Model} input".PadRight(width) + (Input.Length == 0 ? "?" : Batched(Input)));
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
            foreach (var note in Notes)
            {
                text.AppendLine().Append("Note: ").Append(note);
            }

            return text.ToString();
        }

        /// <summary>A layer's output with the batch of one in front; a parameter's own shape; <c>?</c> when unknown.</summary>
        private static string Shape(SummaryRow row) =>
            row.OutputShape is not { } shape ? "?" : row.Type == "Parameter" ? Plain(shape) : Batched(shape);

        private static string Batched(long[] shape) => "[" + string.Join(", ", new[] { "1" }.Concat(shape.Select(Dim))) + "]";

        private static string Plain(long[] shape) => "[" + string.Join(", ", shape.Select(Dim)) + "]";

        private static string Dim(long d) => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture);

        private static string Count(long value) => value < 0 ? "?" : value.ToString("N0", CultureInfo.InvariantCulture);

        private static long[]? Dims(string text) =>
            text == "?" ? null : text.Length == 0 ? Array.Empty<long>() : text.Split(',').Select(Number).ToArray();

        private static long Number(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }
}
