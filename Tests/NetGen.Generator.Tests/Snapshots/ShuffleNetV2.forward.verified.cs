public override global::TorchSharp.torch.Tensor forward(global::TorchSharp.torch.Tensor input)
        {
            // conv1
            var t0 = this.__f_conv1.call(input);
            // maxpool
            var t1 = this.__f_maxpool.call(t0);
            if (!ReferenceEquals(t0, t1)) t0.Dispose();
            // stage2
            var t2 = this.__f_stage2.call(t1);
            if (!ReferenceEquals(t1, t2)) t1.Dispose();
            // stage3
            var t3 = this.__f_stage3.call(t2);
            if (!ReferenceEquals(t2, t3)) t2.Dispose();
            // stage4
            var t4 = this.__f_stage4.call(t3);
            if (!ReferenceEquals(t3, t4)) t3.Dispose();
            // conv5
            var t5 = this.__f_conv5.call(t4);
            if (!ReferenceEquals(t4, t5)) t4.Dispose();
            // fc
            var t6 = t5.mean(new long[] { 2, 3 }, false);
            var t7 = this.__f_fc.call(t6);
            if (!ReferenceEquals(t6, t7)) t6.Dispose();
            if (!ReferenceEquals(t5, t7)) t5.Dispose();
            return t7;
        }
