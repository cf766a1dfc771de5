using System.Diagnostics;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// Forward times of two models on one input, taken alternately in ABBA order (the baseline first in even rounds,
/// the subject first in odd ones), so that load which changes during a run falls on both and cancels in each
/// round's ratio. The caller sets eval mode and no_grad.
/// </summary>
public sealed record InterleavedTimes(double[] Subject, double[] Baseline)
{
    /// <summary>Each round's subject/baseline time ratio.</summary>
    public double[] Ratios { get; } = Subject.Zip(Baseline, (s, b) => s / b).ToArray();

    /// <summary>Three warm-up forwards of each, then <paramref name="rounds"/> measured rounds.</summary>
    public static InterleavedTimes Measure(nn.Module<Tensor, Tensor> subject, nn.Module<Tensor, Tensor> baseline, Tensor input, int rounds)
    {
        for (var i = 0; i < 3; i++)
        {
            Forward(baseline, input);
            Forward(subject, input);
        }

        var subjectTimes = new double[rounds];
        var baselineTimes = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            if (i % 2 == 0)
            {
                baselineTimes[i] = Forward(baseline, input);
                subjectTimes[i] = Forward(subject, input);
            }
            else
            {
                subjectTimes[i] = Forward(subject, input);
                baselineTimes[i] = Forward(baseline, input);
            }
        }

        return new InterleavedTimes(subjectTimes, baselineTimes);
    }

    /// <summary>One forward, its output disposed, in milliseconds.</summary>
    public static double Forward(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        var clock = Stopwatch.StartNew();
        using (model.call(input)) { }
        return clock.Elapsed.TotalMilliseconds;
    }
}
