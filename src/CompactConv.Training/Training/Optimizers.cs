using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>The optimiser a run's options name, and the per-step changes the trainers make to it.</summary>
public static class Optimizers
{
    /// <summary>Builds the optimiser <paramref name="options"/> name for the parameters of <paramref name="model"/>.</summary>
    /// <remarks>Make it after the model is on its device: the optimiser keeps the parameter tensors it was given.</remarks>
    public static optim.Optimizer Create(nn.Module model, TrainingOptions options) => options.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(model.parameters(), options.LearningRate, momentum: options.Momentum,
            weight_decay: options.WeightDecay, nesterov: options.Momentum > 0),
        OptimizerKind.AdamW => optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay),
        _ => throw new ArgumentException($"{nameof(TrainingOptions.Optimizer)}: unknown optimizer {options.Optimizer}", nameof(options)),
    };

    /// <summary>Sets the rate of every parameter group (the schedule decides it per step).</summary>
    public static void SetLearningRate(optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }

    /// <summary>
    /// Scales the gradients of <paramref name="model"/>'s parameters in place so that their total L2 norm
    /// (all gradients as one vector) is at most <paramref name="maxNorm"/>; returns the norm before clipping.
    /// </summary>
    public static double ClipGradients(nn.Module model, double maxNorm) =>
        nn.utils.clip_grad_norm_(model.parameters(), maxNorm);
}
