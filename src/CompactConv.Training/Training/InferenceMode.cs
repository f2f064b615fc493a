using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>Runs prediction code with a model in evaluation mode and without gradients.</summary>
public static class InferenceMode
{
    /// <summary>
    /// Switches <paramref name="model"/> to evaluation (dropout off, BatchNorm on running statistics),
    /// runs <paramref name="body"/> without gradients and puts the model's training flag back, even on failure.
    /// </summary>
    public static T Run<T>(nn.Module model, Func<T> body)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            return body();
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
