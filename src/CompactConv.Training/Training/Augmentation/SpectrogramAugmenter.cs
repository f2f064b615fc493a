using static TorchSharp.torch;

namespace CompactConv.Training.Augmentation;

/// <summary>
/// Applies random crops, SpecAugment masks and mixup to a training batch. Every random draw comes
/// from the <see cref="Random"/> it is given (seeded per epoch by the trainer), so runs and resumed
/// runs repeat exactly.
/// </summary>
public static class SpectrogramAugmenter
{
    /// <summary>
    /// Returns the augmented inputs and the target distribution [N, classes] (one-hot unless mixup
    /// mixed two examples). Inputs are [N, C, F, T]; the caller's tensors are not modified.
    /// </summary>
    public static (Tensor Inputs, Tensor Targets) Apply(Tensor inputs, Tensor labels, int numClasses,
        AugmentationOptions options, Random random)
    {
        var x = options.CropFrames is { } crop ? RandomCrop(inputs, crop, random) : inputs.clone();
        var targets = nn.functional.one_hot(labels, numClasses).to_type(x.dtype);
        var (mixed, mixedTargets) = MaskAndMix(x, [targets], options, random);
        return (mixed, mixedTargets[0]);
    }

    /// <summary>
    /// The sound event detection form: SpecAugment masks on the inputs only (the targets still say what
    /// sounds; the masks hide it from the model, as in the scene form), then mixup of the inputs and every
    /// target tensor (frame targets [N, T, K], clip targets [N, K]) with one weight. Random crops are
    /// refused: they would have to cut the frame targets too. The caller's tensors are not modified.
    /// </summary>
    public static (Tensor Inputs, Tensor[] Targets) ApplyWithTargets(Tensor inputs, IReadOnlyList<Tensor> targets,
        AugmentationOptions options, Random random)
    {
        if (options.CropFrames is not null) throw new ArgumentException("TrainingOptions.Augmentation.CropFrames does not apply to frame targets (sound event detection)");
        return MaskAndMix(inputs.clone(), targets, options, random);
    }

    /// <summary>One random window of <paramref name="frames"/> frames per example (the whole input when shorter).</summary>
    public static Tensor RandomCrop(Tensor inputs, int frames, Random random)
    {
        long length = inputs.shape[^1];
        if (length <= frames) return inputs.clone();
        var crops = new Tensor[inputs.shape[0]];
        for (long i = 0; i < inputs.shape[0]; i++)
        {
            long start = random.NextInt64(length - frames + 1);
            crops[i] = inputs[i].narrow(-1, start, frames);
        }
        return stack(crops);
    }

    /// <summary>
    /// SpecAugment masks, in place: each example gets its own time and frequency bands set to zero
    /// (the mean after per-band normalisation).
    /// </summary>
    public static void Mask(Tensor x, AugmentationOptions options, Random random)
    {
        long bins = x.shape[^2], frames = x.shape[^1];
        for (long i = 0; i < x.shape[0]; i++)
        {
            using var example = x[i];
            for (int m = 0; m < options.FrequencyMasks; m++)
            {
                long width = random.NextInt64(Math.Min(options.FrequencyMaskWidth, bins) + 1);
                long start = random.NextInt64(bins - width + 1);
                if (width > 0) example.narrow(-2, start, width).zero_();
            }
            for (int m = 0; m < options.TimeMasks; m++)
            {
                long width = random.NextInt64(Math.Min(options.TimeMaskWidth, frames) + 1);
                long start = random.NextInt64(frames - width + 1);
                if (width > 0) example.narrow(-1, start, width).zero_();
            }
        }
    }

    // Masks x in place, then mixes; the order of random draws is what resumed runs rely on.
    private static (Tensor Inputs, Tensor[] Targets) MaskAndMix(Tensor x, IReadOnlyList<Tensor> targets, AugmentationOptions options, Random random)
    {
        if (options.TimeMasks > 0 || options.FrequencyMasks > 0) Mask(x, options, random);
        return options.MixupAlpha > 0 ? Mixup(x, targets, options.MixupAlpha, random) : (x, targets.ToArray());
    }

    /// <summary>Mixup (Zhang et al. 2018): one Beta(alpha, alpha) weight per batch, partners from a random permutation.</summary>
    public static (Tensor Inputs, Tensor Targets) Mixup(Tensor inputs, Tensor targets, double alpha, Random random)
    {
        var (mixedInputs, mixedTargets) = Mixup(inputs, [targets], alpha, random);
        return (mixedInputs, mixedTargets[0]);
    }

    /// <summary>
    /// Mixup of inputs and several target tensors (frame and clip targets of sound event detection):
    /// every tensor, whatever its shape after the batch dimension, is mixed with the same weight and partners.
    /// </summary>
    public static (Tensor Inputs, Tensor[] Targets) Mixup(Tensor inputs, IReadOnlyList<Tensor> targets, double alpha, Random random)
    {
        double lambda = SampleBeta(alpha, random);
        var order = Enumerable.Range(0, (int)inputs.shape[0]).OrderBy(_ => random.Next()).Select(i => (long)i).ToArray();
        using var index = tensor(order);
        Tensor Mix(Tensor x) => x * lambda + x.index_select(0, index) * (1 - lambda);
        return (Mix(inputs), targets.Select(Mix).ToArray());
    }

    /// <summary>A Beta(alpha, alpha) draw as X / (X + Y) with X, Y ~ Gamma(alpha, 1).</summary>
    public static double SampleBeta(double alpha, Random random)
    {
        double x = SampleGamma(alpha, random), y = SampleGamma(alpha, random);
        return x + y == 0 ? 0.5 : x / (x + y);
    }

    // Marsaglia and Tsang's method; for alpha < 1 boost to alpha + 1 and scale by U^(1/alpha).
    private static double SampleGamma(double alpha, Random random)
    {
        if (alpha < 1) return SampleGamma(alpha + 1, random) * Math.Pow(random.NextDouble(), 1 / alpha);
        double d = alpha - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Normal(random);
                v = 1 + c * z;
            }
            while (v <= 0);
            v = v * v * v;
            double u = random.NextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.Log(u) < 0.5 * z * z + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    private static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
