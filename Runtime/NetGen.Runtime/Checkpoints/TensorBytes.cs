using System;
using System.IO;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Moves raw element bytes between streams and contiguous CPU tensors without an intermediate managed
    /// copy of the whole tensor. Tensors over 2 GiB are handled in slices.
    /// </summary>
    internal static class TensorBytes
    {
        private const long SliceBytes = 1L << 30;

        /// <summary>Fills <paramref name="destination"/> (contiguous, CPU) from the stream; throws <see cref="EndOfStreamException"/> if it ends early.</summary>
        public static void ReadExactly(Stream source, Tensor destination)
        {
            ForEachSlice(destination, span => source.ReadExactly(span));
        }

        /// <summary>Writes the bytes of <paramref name="tensor"/> (contiguous, CPU) to the stream.</summary>
        public static void Write(Stream destination, Tensor tensor)
        {
            ForEachSlice(tensor, span => destination.Write(span));
        }

        /// <summary>Feeds the bytes of a contiguous CPU tensor to <paramref name="consume"/>, slice by slice.</summary>
        public static void ForEachSlice(Tensor tensor, SpanAction consume)
        {
            long bytes = tensor.NumberOfElements * tensor.ElementSize;
            if (bytes == 0)
            {
                return;
            }

            if (bytes <= SliceBytes)
            {
                consume(tensor.bytes);
                return;
            }

            using var flat = tensor.view(-1);
            long elementsPerSlice = SliceBytes / tensor.ElementSize;
            for (long start = 0; start < flat.NumberOfElements; start += elementsPerSlice)
            {
                long length = Math.Min(elementsPerSlice, flat.NumberOfElements - start);
                using var slice = flat.narrow(0, start, length);
                consume(slice.bytes);
            }
        }

        /// <summary>A callback over one slice of tensor memory.</summary>
        public delegate void SpanAction(Span<byte> span);

        /// <summary>
        /// A contiguous CPU tensor with the data of <paramref name="tensor"/>: the tensor itself when it already
        /// is one (<paramref name="owned"/> false), otherwise a copy the caller must dispose.
        /// </summary>
        public static Tensor ContiguousCpu(Tensor tensor, out bool owned)
        {
            if (tensor.device_type == TorchSharp.DeviceType.CPU && tensor.is_contiguous())
            {
                owned = false;
                return tensor;
            }

            using var detached = tensor.detach();
            using var cpu = detached.cpu();
            owned = true;
            return cpu.contiguous();
        }
    }
}
