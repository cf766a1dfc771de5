namespace NetGen.Samples.Tour;

/// <summary>The tour's settings; the command line fills them, every one has a default.</summary>
public sealed record TourOptions
{
    /// <summary>Directory with the four IDX files; null picks Debian's, else the shipped copy.</summary>
    public string? DataDirectory { get; init; }
    public int Epochs { get; init; } = 20;
    public int BatchSize { get; init; } = 128;
    /// <summary>Train on at most this many images (0: all).</summary>
    public int TrainLimit { get; init; } = 30000;
    /// <summary>Evaluate on at most this many test images (0: all 10,000).</summary>
    public int TestLimit { get; init; }
    public double LearningRate { get; init; } = 1e-3;
    public int FineTuneEpochs { get; init; } = 1;
    /// <summary>Learning rate of the copied layers (conv1, conv2, fc1, fc2) during fine-tuning.</summary>
    public double BackboneLearningRate { get; init; } = 1e-4;
    /// <summary>Learning rate of the new head (fc3) during fine-tuning.</summary>
    public double HeadLearningRate { get; init; } = 1e-3;
    public string Output { get; init; } = "checkpoints/fashionnet.dat";
    public long Seed { get; init; } = 42;
    /// <summary>Torch intra-op threads (0: leave TorchSharp's default).</summary>
    public int Threads { get; init; }
}
