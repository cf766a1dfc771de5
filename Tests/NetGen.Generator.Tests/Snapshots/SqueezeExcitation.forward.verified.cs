public override global::TorchSharp.torch.Tensor forward(global::TorchSharp.torch.Tensor input)
        {
            // avgpool
            var t0 = this.__f_avgpool.call(input);
            // fc1
            var t1 = this.__f_fc1.call(t0);
            var t2 = global::TorchSharp.torch.nn.functional.relu(t1, inplace: false);
            if (!ReferenceEquals(t1, t2)) t1.Dispose();
            if (!ReferenceEquals(t0, t2)) t0.Dispose();
            // fc2
            var t3 = this.__f_fc2.call(t2);
            var t4 = global::TorchSharp.torch.nn.functional.sigmoid(t3);
            if (!ReferenceEquals(t3, t4)) t3.Dispose();
            if (!ReferenceEquals(t2, t4)) t2.Dispose();
            // [Gate]: the members' output scales the input
            var t5 = input.mul(t4);
            if (!ReferenceEquals(t4, t5)) t4.Dispose();
            return t5;
        }
