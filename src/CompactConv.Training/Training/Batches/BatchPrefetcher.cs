using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace CompactConv.Training.Batches;

/// <summary>
/// Runs a producer of numbered items on a worker thread, at most a fixed number of items ahead of
/// the consumer, and hands the items over in order: while the consumer trains on batch k the worker
/// prepares k+1, k+2, ... The items and their order are exactly those of calling the producer for
/// 0, 1, 2, ... on the consumer's thread, provided the producer depends on its argument only.
/// </summary>
public static class BatchPrefetcher
{
    /// <summary>
    /// The items <paramref name="produce"/>(0) .. <paramref name="produce"/>(<paramref name="count"/> − 1),
    /// made on a worker thread with at most <paramref name="depth"/> finished items waiting. The consumer
    /// owns and disposes every item it receives. An exception in the producer is thrown from the
    /// enumeration, with its original type and stack trace, once the items made before it have been
    /// consumed, which is where the synchronous loop would have thrown it. Disposing the enumerator
    /// early (a break, or an exception in the consumer) stops the worker, waits for it and disposes
    /// the items it made but did not hand over.
    /// </summary>
    public static IEnumerable<T> Run<T>(long count, Func<long, T> produce, int depth) where T : class, IDisposable
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(produce);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return Iterate(count, produce, depth);
    }

    private static IEnumerable<T> Iterate<T>(long count, Func<long, T> produce, int depth) where T : class, IDisposable
    {
        using var queue = new BlockingCollection<T>(depth);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                for (long k = 0; k < count && !stop.IsCancellationRequested; k++)
                {
                    var item = produce(k);
                    try
                    {
                        queue.Add(item, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        item.Dispose();
                        return;
                    }
                }
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "batch prefetch",
        };
        worker.Start();
        try
        {
            foreach (var item in queue.GetConsumingEnumerable())
                yield return item;
            worker.Join();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            worker.Join();
            while (queue.TryTake(out var left))
                left.Dispose();
        }
    }
}
