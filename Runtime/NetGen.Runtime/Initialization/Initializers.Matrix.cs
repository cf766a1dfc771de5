using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen
{
    // The random schemes that shape a whole matrix rather than draw each element independently.
    public static partial class Initializers
    {
        /// <summary>
        /// Fills <paramref name="t"/> (2-D or more; trailing dims are flattened) with a (semi-)orthogonal
        /// matrix times <paramref name="gain"/> (Saxe et al. 2013): its rows, or its columns when it is tall,
        /// are orthonormal before the gain is applied.
        /// </summary>
        public static Tensor orthogonal_(Tensor t, double gain = 1.0)
        {
            RequireFloatingPoint(t, nameof(orthogonal_));
            RequireFinite(gain, nameof(gain), nameof(orthogonal_));
            if (t.dim() < 2)
                throw new ArgumentException($"orthogonal_ needs a tensor with 2 or more dimensions, got shape {Shape(t)}.", nameof(t));
            if (t.numel() == 0) return t;

            long rows = t.shape[0];
            long cols = t.numel() / rows;
            using (no_grad())
            using (NewDisposeScope())
            {
                var flattened = empty(rows, cols, t.dtype, t.device).normal_(0, 1);
                // QR of the tall orientation, so Q has orthonormal columns.
                if (rows < cols) flattened = flattened.t();
                var (q, r) = linalg.qr(flattened);
                // Multiplying by the signs of R's diagonal makes Q Haar-distributed (Mezzadri 2007), as in PyTorch.
                q = q.mul(r.diag().sign());
                if (rows < cols) q = q.t();
                t.view_as(q).copy_(q);
                using var g = gain.ToScalar();
                t.mul_(g);
            }
            return t;
        }

        /// <summary>
        /// Fills the 2-D <paramref name="t"/> from N(0, <paramref name="std"/>²), then zeroes
        /// ⌈<paramref name="sparsity"/>·rows⌉ randomly chosen elements in every column (Martens 2010).
        /// </summary>
        public static Tensor sparse_(Tensor t, double sparsity, double std = 0.01)
        {
            RequireFloatingPoint(t, nameof(sparse_));
            if (t.dim() != 2)
                throw new ArgumentException($"sparse_ needs a 2-D tensor, got shape {Shape(t)}.", nameof(t));
            if (!(sparsity >= 0 && sparsity <= 1))
                throw new ArgumentException($"sparse_ needs 0 <= sparsity <= 1, got {sparsity}.", nameof(sparsity));
            RequireFinite(std, nameof(std), nameof(sparse_));
            if (std < 0)
                throw new ArgumentException($"sparse_ needs std >= 0, got {std}.", nameof(std));

            long rows = t.shape[0], cols = t.shape[1];
            long zerosPerColumn = (long)Math.Ceiling(sparsity * rows);
            using (no_grad())
            {
                t.normal_(0, std);
                using var zero = 0.0.ToScalar();
                for (long c = 0; c < cols; c++)
                {
                    // One CPU permutation per column even when nothing is zeroed: PyTorch draws them too, and
                    // the generator must advance identically.
                    using var permutation = randperm(rows);
                    using var head = permutation.narrow(0, 0, zerosPerColumn);
                    using var chosen = head.to(t.device);
                    using var column = t.select(1, c);
                    column.index_fill_(0, chosen, zero);
                }
            }
            return t;
        }
    }
}
