using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Layers;

/// <summary>
/// Max/min over one dimension with a hand-written backward. libtorch's own backward of
/// amax/maximum builds several full-size masks and zero-filled buffers and measured 2-4x slower
/// than the rest of a compact block's pool (docs/architecture.md); these functions save the
/// gradient routing weights in the forward pass, so the backward is one broadcast multiply.
/// Gradients equal amax's: ties share the gradient evenly.
/// </summary>
internal static class ExtremePool
{
    /// <summary>Max (or min, when <paramref name="max"/> is false) of <paramref name="grouped"/> over <paramref name="dim"/>.</summary>
    public static Tensor Reduce(Tensor grouped, long dim, bool max)
    {
        bool needsGradient = is_grad_enabled() && grouped.requires_grad;
        if (grouped.shape[dim] == 2)
        {
            if (needsGradient) return PairExtremeFunction.apply(grouped, dim, max);
            using var first = grouped.select(dim, 0);
            using var second = grouped.select(dim, 1);
            return max ? maximum(first, second) : minimum(first, second);
        }
        if (needsGradient) return GroupExtremeFunction.apply(grouped, dim, max);
        return max ? grouped.amax([dim]) : grouped.amin([dim]);
    }

    /// <summary>Pairs: the weight of the first member is 1, 0 or 1/2 (tie); the second gets the rest.</summary>
    private sealed class PairExtremeFunction : autograd.SingleTensorFunction<PairExtremeFunction>
    {
        public override string Name => nameof(PairExtremeFunction);

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var grouped = (Tensor)vars[0];
            long dim = (long)vars[1];
            bool max = (bool)vars[2];
            using var first = grouped.select(dim, 0);
            using var second = grouped.select(dim, 1);
            // sign(a - b) / 2 + 1/2 is 1 where a wins, 0 where b wins, 1/2 on a tie. (In-place ops
            // return the same tensor object, so the difference must not be disposed here.)
            var firstWeight = first - second;
            firstWeight.sign_().mul_(max ? 0.5 : -0.5).add_(0.5);
            ctx.save_for_backward([firstWeight]);
            ctx.save_data("dim", dim);
            return max ? maximum(first, second) : minimum(first, second);
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
        {
            var firstWeight = ctx.get_saved_variables()[0];
            long dim = (long)ctx.get_data("dim");
            using var toFirst = grad * firstWeight;
            using var toSecond = grad - toFirst;
            return [stack([toFirst, toSecond], dim), null!, null!];
        }
    }

    /// <summary>Any group size: each member's weight is 1/(number of members equal to the extreme), else 0.</summary>
    private sealed class GroupExtremeFunction : autograd.SingleTensorFunction<GroupExtremeFunction>
    {
        public override string Name => nameof(GroupExtremeFunction);

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var grouped = (Tensor)vars[0];
            long dim = (long)vars[1];
            bool max = (bool)vars[2];
            var extreme = max ? grouped.amax([dim], keepdim: true) : grouped.amin([dim], keepdim: true);
            var weights = grouped.eq(extreme).to_type(grouped.dtype);
            using var ties = weights.sum([dim], keepdim: true);
            weights.div_(ties);
            ctx.save_for_backward([weights]);
            ctx.save_data("dim", dim);
            return extreme.squeeze_(dim);
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
        {
            var weights = ctx.get_saved_variables()[0];
            long dim = (long)ctx.get_data("dim");
            using var expanded = grad.unsqueeze(dim);
            return [expanded * weights, null!, null!];
        }
    }
}
