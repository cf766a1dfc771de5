public override global::TorchSharp.torch.Tensor forward(global::TorchSharp.torch.Tensor input)
        {
            // [Chunk]: branch k takes piece k of input.chunk(2, 1) while stride == 1, else the whole input
            global::TorchSharp.torch.Tensor[]? t0 = checked((this.__p_stride == 1)) ? input.chunk(2, 1) : null;
            var t1 = t0 is null ? input : t0[0];
            global::TorchSharp.torch.Tensor t2;
            if (this.__f_branch1 is null)
            {
                t2 = t1;
            }
            else
            {
                // branch1
                var t3 = this.__f_branch1.call(t1);
                t2 = t3;
            }
            var t4 = t0 is null ? input : t0[1];
            // branch2
            var t5 = this.__f_branch2.call(t4);
            var t6 = global::TorchSharp.torch.cat(new[] { t2, t5 }, 1);
            if (!ReferenceEquals(t2, t1) && !ReferenceEquals(t2, t6)) t2.Dispose();
            if (!ReferenceEquals(t5, t4) && !ReferenceEquals(t5, t6)) t5.Dispose();
            if (t0 is not null) foreach (var t7 in t0) t7.Dispose();
            // shuffle
            var t8 = this.__f_shuffle.call(t6);
            if (!ReferenceEquals(t6, t8)) t6.Dispose();
            return t8;
        }
