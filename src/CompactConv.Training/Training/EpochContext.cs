using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>
/// One epoch as <see cref="EpochLoop"/> hands it to a trainer, with the model in training mode: the
/// steps still to take, the per-step seeding, the optimiser step with gradient clipping, the running
/// sums and the stop check (time budget or stop request).
/// </summary>
internal sealed class EpochContext
{
    private readonly LearningRateSchedule schedule;
    private readonly long[] order;
    private readonly int batchSize;
    private readonly int seed;
    private readonly double? clipGradNorm;
    private readonly StopCheck stop;
    private readonly long startedAt;
    private readonly double resumedSeconds;

    /// <summary>
    /// Shuffles the samples of <paramref name="epoch"/> and puts the model (on <paramref name="device"/>) in
    /// training mode; with <paramref name="resumed"/>, the epoch continues where a stop left it, and the
    /// running sums start from its saved ones (checked by <see cref="EpochLoop"/>).
    /// </summary>
    public EpochContext(TrainingOptions options, Device device, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, LearningRateSchedule schedule,
        int epoch, long samples, long stepsPerEpoch, StopCheck stop, PartialEpoch? resumed)
    {
        seed = options.Seed;
        order = Seeds.Shuffle(samples, seed, epoch);
        model.train();
        Model = model;
        Device = device;
        Optimizer = optimizer;
        Epoch = epoch;
        StepsPerEpoch = stepsPerEpoch;
        FirstStep = resumed?.Step ?? 0;
        this.schedule = schedule;
        this.stop = stop;
        resumedSeconds = resumed?.Seconds ?? 0;
        Tally = resumed?.Tally ?? EpochTally.Zero;
        batchSize = options.BatchSize;
        clipGradNorm = options.ClipGradNorm;
        startedAt = stop.Clock.GetTimestamp();
    }

    /// <summary>The model being trained.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The device of the model, where each step's inputs and targets go.</summary>
    public Device Device { get; }

    /// <summary>Its optimiser.</summary>
    public optim.Optimizer Optimizer { get; }

    /// <summary>1-based epoch number.</summary>
    public int Epoch { get; }

    /// <summary>Optimisation steps of every epoch.</summary>
    public long StepsPerEpoch { get; }

    /// <summary>The 0-based step this epoch starts at: 0, or where a stop left it.</summary>
    public long FirstStep { get; }

    /// <summary>The step at which a stop ended the epoch; null while it runs.</summary>
    public long? StoppedAt { get; private set; }

    /// <summary>What requested the stop at <see cref="StoppedAt"/>; null when the time budget ran out (or while the epoch runs).</summary>
    public string? StoppedBy { get; private set; }

    /// <summary>The source of every augmentation draw of the current step.</summary>
    public Random AugmentRandom { get; private set; } = new(0);

    /// <summary>
    /// The epoch's running sums (zeros, or those saved by a stop): the trainer adds each step's
    /// figures here, not to locals, so that a stop can save them.
    /// </summary>
    public EpochTally Tally { get; set; }

    /// <summary>
    /// True when the epoch is to stop before <paramref name="step"/> (a stop request, or the budget spent).
    /// The first step of an epoch is never refused here: <see cref="EpochLoop"/> checks before it.
    /// </summary>
    public bool StopsBefore(long step)
    {
        if (step <= FirstStep || !stop.Due(out var by)) return false;
        StoppedAt = step;
        StoppedBy = by;
        return true;
    }

    /// <summary>Training seconds of this epoch: those before a stop plus those of this invocation.</summary>
    public double TrainingSeconds() => resumedSeconds + stop.Clock.GetElapsedTime(startedAt).TotalSeconds;

    /// <summary>What state.json records when a stop ends the epoch.</summary>
    public PartialEpoch ToPartial() => new()
    {
        Epoch = Epoch,
        Step = StoppedAt ?? throw new InvalidOperationException("the epoch was not stopped"),
        Seconds = TrainingSeconds(),
        Tally = Tally,
    };

    /// <summary>
    /// Starts step <paramref name="step"/> (0-based): seeds the random generators from (seed, epoch,
    /// step), sets its learning rate, clears the gradients and returns the indices of its samples (a
    /// tensor in the caller's dispose scope) and the rate.
    /// </summary>
    /// <remarks>
    /// Seeding every step, not once per epoch, is what lets a run stopped between any two steps
    /// resume exactly: the generators' state at a step is a function of the step, never saved.
    /// </remarks>
    public (Tensor Index, long Length, double LearningRate) BeginStep(long step)
    {
        manual_seed(Seeds.Step(seed, Epoch, step));
        AugmentRandom = new Random(Seeds.Stable(seed, Epoch, salt: unchecked(0xa06 + (int)step * 0x10001)));
        long start = step * batchSize;
        long length = Math.Min(batchSize, order.LongLength - start);
        double learningRate = schedule.At((Epoch - 1) * StepsPerEpoch + step);
        Optimizers.SetLearningRate(Optimizer, learningRate);
        Optimizer.zero_grad();
        return (tensor(order.AsSpan((int)start, (int)length).ToArray()), length, learningRate);
    }

    /// <summary>Back-propagates <paramref name="loss"/>, clips the gradients' total norm when the options ask, and steps the optimiser.</summary>
    public void BackwardAndStep(Tensor loss)
    {
        loss.backward();
        if (clipGradNorm is { } maxNorm) Optimizers.ClipGradients(Model, maxNorm);
        Optimizer.step();
    }
}
