using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>One epoch as <see cref="EpochLoop"/> hands it to a trainer, seeded and with the model in training mode.</summary>
internal sealed class EpochContext
{
    private readonly LearningRateSchedule schedule;
    private readonly long[] order;
    private readonly int batchSize;

    /// <summary>Seeds the epoch's generators from (seed, epoch), shuffles the samples and puts the model in training mode.</summary>
    public EpochContext(RunConfig config, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, LearningRateSchedule schedule,
        int epoch, long samples, long stepsPerEpoch)
    {
        var options = config.Training;
        // Seeding per epoch (not once per run) is what makes resuming at an epoch boundary exact.
        manual_seed(Trainer.EpochSeed(options.Seed, epoch));
        order = Trainer.Shuffle(samples, options.Seed, epoch);
        AugmentRandom = new Random(Trainer.StableSeed(options.Seed, epoch, salt: 0xa06));
        model.train();
        Model = model;
        Optimizer = optimizer;
        Epoch = epoch;
        StepsPerEpoch = stepsPerEpoch;
        this.schedule = schedule;
        batchSize = options.BatchSize;
    }

    /// <summary>The model being trained.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>Its optimiser.</summary>
    public optim.Optimizer Optimizer { get; }

    /// <summary>1-based epoch number.</summary>
    public int Epoch { get; }

    /// <summary>Optimisation steps of every epoch.</summary>
    public long StepsPerEpoch { get; }

    /// <summary>The source of every augmentation draw of this epoch.</summary>
    public Random AugmentRandom { get; }

    /// <summary>
    /// Starts step <paramref name="step"/> (0-based): sets its learning rate, clears the gradients and
    /// returns the indices of its samples (a tensor in the caller's dispose scope) and the rate.
    /// </summary>
    public (Tensor Index, long Length, double LearningRate) BeginStep(long step)
    {
        long start = step * batchSize;
        long length = Math.Min(batchSize, order.LongLength - start);
        double learningRate = schedule.At((Epoch - 1) * StepsPerEpoch + step);
        Trainer.SetLearningRate(Optimizer, learningRate);
        Optimizer.zero_grad();
        return (tensor(order.AsSpan((int)start, (int)length).ToArray()), length, learningRate);
    }
}
