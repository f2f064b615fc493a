using System.Globalization;

namespace CompactConv.Training;

/// <summary>The loss became NaN or infinite; the last good checkpoint is kept.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message)
{
    /// <summary>Returns <paramref name="loss"/> when it is finite; otherwise throws naming the epoch and the 1-based step.</summary>
    public static double CheckFinite(double loss, int epoch, long step)
    {
        if (double.IsFinite(loss)) return loss;
        throw new TrainingDivergedException(
            $"loss became {loss.ToString(CultureInfo.InvariantCulture)} at epoch {epoch}, step {step}; lower TrainingOptions.LearningRate (the last checkpoint is kept)");
    }
}
