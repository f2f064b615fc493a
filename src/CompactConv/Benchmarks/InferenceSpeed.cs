using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Benchmarks;

/// <summary>Measures a model's inference latency per image.</summary>
public static class InferenceSpeed
{
    /// <summary>
    /// Median milliseconds per image over <paramref name="repeats"/> forward passes of a batch of
    /// <paramref name="batchSize"/> random inputs (eval mode, no gradients), after two warm-up passes.
    /// </summary>
    public static double MillisecondsPerImage(nn.Module<Tensor, Tensor> model, int[] inputShape, int batchSize = 256, int repeats = 7)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var input = randn([batchSize, .. inputShape.Select(d => (long)d)]);
            var times = new List<double>();
            for (int i = 0; i < repeats + 2; i++)
            {
                double ms = Timing.Milliseconds(() =>
                {
                    using var scope = NewDisposeScope();
                    model.call(input);
                });
                if (i >= 2) times.Add(ms);
            }
            return Timing.Median(times) / batchSize;
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
