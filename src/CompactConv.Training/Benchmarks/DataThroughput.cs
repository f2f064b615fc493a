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

/// <summary>What <see cref="DataThroughput.MeasureRounds"/> timed: the same batches once per round.</summary>
/// <param name="Rounds">Each round's figures, in order.</param>
public sealed record DataThroughputRounds(IReadOnlyList<DataThroughputResult> Rounds)
{
    /// <summary>Median, p10-p90 and extremes of the rounds' images per second.</summary>
    public Spread ImagesPerSecond => Spread.Of(Rounds.Select(r => r.ImagesPerSecond));
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

    /// <summary>
    /// <see cref="Measure"/> <paramref name="rounds"/> times over the same epochs: a single pass is one
    /// draw of the machine's noise, and only repeats show how far it moves the figure.
    /// <paramref name="progress"/> receives each round's number and figures.
    /// </summary>
    public static DataThroughputRounds MeasureRounds(ImageBatchSource source, int rounds, int epochs = 1, long? maxBatches = null,
        Action<int, DataThroughputResult>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var results = new List<DataThroughputResult>();
        for (int round = 1; round <= rounds; round++)
        {
            results.Add(Measure(source, epochs, maxBatches));
            progress?.Invoke(round, results[^1]);
        }
        return new DataThroughputRounds(results);
    }
}
