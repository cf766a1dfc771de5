namespace NetGen
{
    /// <summary>How a checkpoint is matched against a model. The defaults behave like PyTorch's <c>strict=True</c>.</summary>
    public sealed record LoadOptions
    {
        /// <summary>Missing or unexpected keys throw <see cref="StateDictMismatchException"/> (before anything is copied).</summary>
        public bool Strict { get; init; } = true;

        /// <summary>
        /// When false (the default, as in PyTorch even with <c>strict=False</c>), a shape mismatch throws.
        /// When true, a mismatched entry is left as it is and listed in <see cref="LoadReport.ShapeMismatched"/>.
        /// A tensor is never broadcast either way.
        /// </summary>
        public bool SkipMismatchedShapes { get; init; }

        /// <summary>Which keys take part; the others are listed in <see cref="LoadReport.Skipped"/>.</summary>
        public StateKeyFilter Filter { get; init; } = StateKeyFilter.All;

        /// <summary>PyTorch's <c>load_state_dict(strict=True)</c>.</summary>
        public static LoadOptions Exact { get; } = new();

        /// <summary>PyTorch's <c>load_state_dict(strict=False)</c>: missing and unexpected keys are reported, not thrown.</summary>
        public static LoadOptions NonStrict { get; } = new() { Strict = false };

        /// <summary>The seed's fine-tuning copy: every entry whose key and shape exist is copied; the rest is reported.</summary>
        public static LoadOptions Transfer { get; } = new() { Strict = false, SkipMismatchedShapes = true };
    }
}
