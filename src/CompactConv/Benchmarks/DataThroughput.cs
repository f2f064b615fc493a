using System.Diagnostics;
using CompactConv.Training.Batches;

namespace CompactConv.Benchmarks;

/// <summary>What <see cref="DataThroughput.Measure"/> timed.</summary>
/// <param name="Images">Images delivered.</param>
/// <param name="Batches">Batches delivered.</param>
/// <param name="Seconds">Wall-clock seconds from asking for the first batch to receiving the last.</param>
public sealed record DataThroughputResult(long Images, long Batches, double Seconds)
{
    /// <summary>Images per second of the input pipeline alone.</summary>
    public double ImagesPerSecond => Seconds > 0 ? Images / Seconds : double.PositiveInfinity;
}

/// <summary>
/// The speed of the image input pipeline without a model: how many training images per second it can
/// gather, augment and normalise. Training cannot go faster than this; when it is far above the
/// training speed, the loader is not what limits a run.
/// </summary>
public static class DataThroughput
{
    /// <summary>
    /// Takes the batches of epochs 1 .. <paramref name="epochs"/> (at most <paramref name="maxBatches"/>
    /// in all) and only disposes them. One batch is made before the clock starts, so that first-call
    /// costs (JIT, allocator growth) are not counted.
    /// </summary>
    public static DataThroughputResult Measure(ImageBatchSource source, int epochs = 1, long? maxBatches = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (maxBatches is < 1) throw new ArgumentOutOfRangeException(nameof(maxBatches), maxBatches, "must be at least 1");
        source.Batch(1, 0).Dispose();

        long images = 0, batches = 0;
        var clock = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= epochs && batches != maxBatches; epoch++)
        {
            foreach (var batch in source.Epoch(epoch))
            {
                images += batch.Count;
                batch.Dispose();
                if (++batches == maxBatches) break;
            }
        }
        return new DataThroughputResult(images, batches, clock.Elapsed.TotalSeconds);
    }
}
