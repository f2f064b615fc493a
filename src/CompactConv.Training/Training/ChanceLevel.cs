using System.Globalization;

namespace CompactConv.Training;

/// <summary>
/// Tells when a classifier ended where guessing would: a run that looks finished but learnt nothing
/// should say so, and why it most often happens.
/// </summary>
public static class ChanceLevel
{
    /// <summary>Accuracy below this multiple of 1/classes counts as chance (12 % for ten classes, 60 % for two).</summary>
    public const double Margin = 1.2;

    /// <summary>True when <paramref name="accuracy"/> is at chance for <paramref name="classes"/> balanced classes.</summary>
    public static bool IsAtChance(double accuracy, int classes) =>
        classes >= 2 && double.IsFinite(accuracy) && accuracy < Margin / classes;

    /// <summary>
    /// A one-line warning when <paramref name="accuracy"/> (named <paramref name="what"/>) is at chance
    /// after <paramref name="steps"/> optimisation steps; null otherwise.
    /// </summary>
    public static string? Warning(string what, double accuracy, int classes, long steps)
    {
        if (!IsAtChance(accuracy, classes)) return null;
        string cause = steps < 200
            ? $"only {steps} optimisation steps: too few for the weights and the BatchNorm statistics to settle; give it more TrainingOptions.Epochs, more data or a smaller TrainingOptions.BatchSize"
            : $"after {steps} optimisation steps: check TrainingOptions.LearningRate (too high diverges, too low stalls) and that the labels match the inputs";
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} {accuracy:P1} is at chance level ({1.0 / classes:P1} for {classes} classes): {cause}");
    }
}
