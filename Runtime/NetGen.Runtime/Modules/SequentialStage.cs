using System;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// The stage NetGen builds for <c>[Stage&lt;T&gt;]</c>: TorchSharp's own <see cref="Sequential"/> holding the blocks
    /// under <c>0</c>, <c>1</c>, …, as <c>nn.Sequential(*stage)</c> names them, so the keys are PyTorch's
    /// (<c>features.2.1.block.0.0.weight</c>) and the forward is TorchSharp's.
    /// </summary>
    public static class SequentialStage
    {
        /// <summary>A Sequential of <paramref name="count"/> blocks, block <c>i</c> made by <paramref name="create"/>.</summary>
        public static Sequential Of(int count, Func<int, nn.Module<Tensor, Tensor>> create)
        {
            var stage = nn.Sequential();
            for (var i = 0; i < count; i++)
            {
                stage.append(i.ToString(System.Globalization.CultureInfo.InvariantCulture), create(i));
            }

            return stage;
        }

        /// <summary>
        /// A Sequential of <paramref name="count"/> blocks named <c>prefix + (firstNumber + i)</c>, block <c>i</c> made by
        /// <paramref name="create"/>: torchvision's RegNet <c>AnyStage</c> names its blocks <c>block1-0</c>, <c>block1-1</c>, ….
        /// </summary>
        public static Sequential Of(int count, string prefix, int firstNumber, Func<int, nn.Module<Tensor, Tensor>> create)
        {
            var stage = nn.Sequential();
            for (var i = 0; i < count; i++)
            {
                stage.append(prefix + (firstNumber + i).ToString(System.Globalization.CultureInfo.InvariantCulture), create(i));
            }

            return stage;
        }
    }
}
