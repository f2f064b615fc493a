using CompactConv.Data;
using CompactConv.Training.Augmentation;
using static TorchSharp.torch;

namespace CompactConv.Training.Batches;

/// <summary>
/// The image input pipeline: per step, the images of the epoch's shuffled order are gathered from
/// the bytes of an <see cref="ImageDataset"/>, scaled to 0..1, cropped from a zero-padded copy and
/// flipped, normalised per channel with the training statistics, then cut out. Each batch is a pure
/// function of (seed, epoch, step): the order is <see cref="Seeds.Shuffle"/>'s, and the draws come
/// from a <see cref="Random"/> seeded by <see cref="BatchSeed"/>, so a run resumed at any epoch, and
/// a loader thread, give exactly the batches of the synchronous path.
/// </summary>
public sealed class ImageBatchSource : IDisposable
{
    // Salt of the per-batch augmentation seeds; other salts of the run (shuffling 0x5eed, audio
    // augmentation 0xa06) differ, so the streams do not coincide.
    private const int AugmentSalt = 0x1a6e;
    private const int StepSalt = 0xba7c;

    private readonly ImageDataset train;
    private readonly TrainingOptions options;
    private readonly Tensor mean;
    private readonly Tensor std;

    /// <summary>
    /// Batches of <paramref name="train"/>, normalised with <paramref name="normalization"/>, as the training
    /// <paramref name="options"/> say: <see cref="TrainingOptions.BatchSize"/>, <see cref="TrainingOptions.Seed"/>
    /// (each epoch's order, as <see cref="Seeds.Shuffle"/>, and every augmentation draw),
    /// <see cref="TrainingOptions.ImageAugmentation"/> and <see cref="TrainingOptions.Prefetch"/>. Taking the
    /// trainer's own options is what keeps the batches in the trainer's order step for step.
    /// </summary>
    /// <exception cref="ArgumentException">The options are impossible, or the statistics have another
    /// channel count than the images.</exception>
    public ImageBatchSource(ImageDataset train, Normalization normalization, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (normalization.Mean.Length != train.Channels || normalization.Std.Length != train.Channels)
            throw new ArgumentException($"the normalisation has {normalization.Mean.Length} channels, the images {train.Channels}", nameof(normalization));
        if (train.Count == 0)
            throw new ArgumentException($"{train.Source} has no images to train on", nameof(train));
        this.train = train;
        this.options = options;
        // Made float32 once, as TensorDataset.Normalize's scalars are, and kept out of any caller's
        // dispose scope: they live as long as the source and are only read by the loader thread.
        // Made in their final shape: a view of a temporary would leave the temporary's handle undisposed.
        long[] shape = [1, train.Channels, 1, 1];
        mean = tensor(normalization.Mean.Select(m => (float)m).ToArray(), shape).DetachFromDisposeScope();
        std = tensor(normalization.Std.Select(s => (float)s).ToArray(), shape).DetachFromDisposeScope();
    }

    /// <summary>Training images.</summary>
    public long Count => train.Count;

    /// <summary>Batches per epoch; the last may be smaller.</summary>
    public long StepsPerEpoch => (train.Count + options.BatchSize - 1) / options.BatchSize;

    /// <summary>The options in use.</summary>
    public TrainingOptions Options => options;

    /// <summary>The seed of the augmentation draws of step <paramref name="step"/> of <paramref name="epoch"/>.</summary>
    public static int BatchSeed(int seed, int epoch, long step) =>
        Seeds.Stable(Seeds.Stable(seed, epoch, AugmentSalt), unchecked((int)step), StepSalt);

    /// <summary>
    /// The batches of <paramref name="epoch"/> in order, from step <paramref name="firstStep"/> (0-based;
    /// above 0 when a run resumes inside the epoch) to the last, prepared on a loader thread when
    /// <see cref="TrainingOptions.Prefetch"/> is above 0 (see <see cref="BatchPrefetcher"/>), else
    /// on the caller's thread as each is asked for. The caller disposes every batch it receives.
    /// </summary>
    public IEnumerable<TrainingBatch> Epoch(int epoch, long firstStep = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstStep);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstStep, StepsPerEpoch);
        long[] order = Seeds.Shuffle(train.Count, options.Seed, epoch);
        long count = StepsPerEpoch - firstStep;
        return options.Prefetch > 0
            ? BatchPrefetcher.Run(count, k => Make(order, epoch, firstStep + k), options.Prefetch)
            : LongRange(firstStep, count).Select(step => Make(order, epoch, step));
    }

    private static IEnumerable<long> LongRange(long start, long count)
    {
        for (long k = 0; k < count; k++) yield return start + k;
    }

    /// <summary>Step <paramref name="step"/> (0-based) of <paramref name="epoch"/> on its own, e.g. after a resume; the caller disposes it.</summary>
    public TrainingBatch Batch(int epoch, long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, StepsPerEpoch);
        return Make(Seeds.Shuffle(train.Count, options.Seed, epoch), epoch, step);
    }

    private TrainingBatch Make(long[] order, int epoch, long step)
    {
        // A scope of this thread's own: on the loader thread nothing else would free the intermediates.
        using var scope = NewDisposeScope();
        long start = step * options.BatchSize;
        int length = (int)Math.Min(options.BatchSize, order.LongLength - start);
        var indices = new int[length];
        for (int i = 0; i < length; i++) indices[i] = (int)order[start + i];
        var (images, labels) = train.ToTensors(indices);

        var augmentation = options.ImageAugmentation;
        var draws = ImageAugmentationDraws.Draw(length, train.Height, train.Width, augmentation, new Random(BatchSeed(options.Seed, epoch, step)));
        if (augmentation.CropPadding > 0 || augmentation.HorizontalFlip)
            images = ImageAugmenter.CropAndFlip(images, augmentation.CropPadding, draws);
        images.sub_(mean).div_(std);
        if (augmentation.CutoutSize > 0)
            ImageAugmenter.Cutout(images, augmentation.CutoutSize, draws);
        return new TrainingBatch(epoch, step, images.DetachFromDisposeScope(), labels.DetachFromDisposeScope());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        mean.Dispose();
        std.Dispose();
    }
}
