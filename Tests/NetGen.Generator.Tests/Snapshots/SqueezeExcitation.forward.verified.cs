public override global::TorchSharp.torch.Tensor forward(global::TorchSharp.torch.Tensor input)
        {
            // avgpool
            var t0 = this.__f_avgpool.call(input);
            // fc1
            var t1 = this.__f_fc1.call(t0);
            if (!ReferenceEquals(t0, t1)) t0.Dispose();
            // activation
            var t2 = this.__f_activation.call(t1);
            if (!ReferenceEquals(t1, t2)) t1.Dispose();
            // fc2
            var t3 = this.__f_fc2.call(t2);
            if (!ReferenceEquals(t2, t3)) t2.Dispose();
            // scale_activation
            var t4 = this.__f_scale_activation.call(t3);
            if (!ReferenceEquals(t3, t4)) t3.Dispose();
            // [Gate]: the members' output scales the input
            var t5 = input.mul(t4);
            if (!ReferenceEquals(t4, t5)) t4.Dispose();
            return t5;
        }
