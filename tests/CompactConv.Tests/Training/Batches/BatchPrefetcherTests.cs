using CompactConv.Training.Batches;

namespace CompactConv.Tests.Training.Batches;

public class BatchPrefetcherTests
{
    /// <summary>An item that records its disposal and the thread that made it.</summary>
    private sealed class Item(long number) : IDisposable
    {
        public long Number { get; } = number;
        public int Thread { get; } = Environment.CurrentManagedThreadId;
        public int Disposals { get; private set; }
        public void Dispose() => Disposals++;
    }

    private sealed class Producer
    {
        private long made;
        public List<Item> All { get; } = [];
        public long Made => Interlocked.Read(ref made);
        public Func<long, Item> Make(long? failAt = null) => k =>
        {
            if (k == failAt) throw new InvalidDataException($"batch {k} is broken");
            var item = new Item(k);
            lock (All) All.Add(item);
            Interlocked.Increment(ref made);
            return item;
        };
    }

    [Fact]
    public void ItemsArriveInOrderFromAnotherThread()
    {
        var producer = new Producer();

        var received = BatchPrefetcher.Run(20, producer.Make(), depth: 3).ToList();

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), received.Select(i => i.Number));
        Assert.All(received, item => Assert.NotEqual(Environment.CurrentManagedThreadId, item.Thread));
        Assert.All(received, item => Assert.Equal(0, item.Disposals));
    }

    [Fact]
    public void TheWorkerStaysAtMostDepthItemsAhead()
    {
        var producer = new Producer();
        long maxLead = 0, consumed = 0;

        foreach (var item in BatchPrefetcher.Run(30, producer.Make(), depth: 2))
        {
            consumed++;
            // Give the worker time to run ahead as far as it can.
            Thread.Sleep(5);
            maxLead = Math.Max(maxLead, producer.Made - consumed);
            item.Dispose();
        }

        // Two items waiting in the queue plus the one the worker holds while the queue is full.
        Assert.InRange(maxLead, 1, 3);
        Assert.Equal(30, consumed);
    }

    [Fact]
    public void AFailureArrivesAfterTheItemsBeforeItWithItsOwnType()
    {
        var producer = new Producer();
        var received = new List<long>();

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in BatchPrefetcher.Run(10, producer.Make(failAt: 4), depth: 2))
            {
                received.Add(item.Number);
                item.Dispose();
            }
        });

        Assert.Equal("batch 4 is broken", error.Message);
        Assert.Equal([0, 1, 2, 3], received);
        Assert.Contains(nameof(Producer), error.StackTrace);
    }

    [Fact]
    public void StoppingEarlyDisposesWhatWasMadeButNotTaken()
    {
        var producer = new Producer();

        foreach (var item in BatchPrefetcher.Run(1000, producer.Make(), depth: 4))
        {
            item.Dispose();
            if (item.Number == 2) break;
        }

        // The worker was stopped: it made the taken items and at most a queue's worth more.
        Assert.InRange(producer.Made, 3, 3 + 4 + 1);
        Thread.Sleep(50);
        long made = producer.Made;
        Thread.Sleep(50);
        Assert.Equal(made, producer.Made);
        Assert.All(producer.All, item => Assert.Equal(1, item.Disposals));
    }

    [Fact]
    public void AnExceptionInTheConsumerAlsoStopsTheWorker()
    {
        var producer = new Producer();

        Assert.Throws<TimeoutException>(() =>
        {
            foreach (var item in BatchPrefetcher.Run(1000, producer.Make(), depth: 2))
            {
                item.Dispose();
                if (item.Number == 5) throw new TimeoutException();
            }
        });

        Assert.InRange(producer.Made, 6, 6 + 2 + 1);
        Assert.All(producer.All, item => Assert.Equal(1, item.Disposals));
    }

    [Fact]
    public void NoItemsIsAnEmptySequence() =>
        Assert.Empty(BatchPrefetcher.Run(0, new Producer().Make(), depth: 2));

    [Fact]
    public void ImpossibleArgumentsAreRefusedAtTheCall()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchPrefetcher.Run(5, new Producer().Make(), depth: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchPrefetcher.Run(-1, new Producer().Make(), depth: 2));
    }
}
