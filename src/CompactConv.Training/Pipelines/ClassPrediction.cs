namespace CompactConv.Pipelines;

/// <summary>The class probabilities of one input (a file, or an image inside a file) under a run's model, and the most probable class.</summary>
/// <param name="File">The input's name: the path as given, or <c>path#index</c> for an image inside an IDX file.</param>
/// <param name="Label">The most probable class.</param>
/// <param name="Probabilities">Probability of each class, in the run's class order.</param>
public sealed record ClassPrediction(string File, string Label, IReadOnlyDictionary<string, double> Probabilities)
{
    /// <summary>The prediction for row <paramref name="row"/> of <paramref name="probabilities"/> [N, classes].</summary>
    public static ClassPrediction FromRow(string file, float[,] probabilities, int row, IReadOnlyList<string> classNames)
    {
        var byClass = classNames.Select((name, c) => KeyValuePair.Create(name, (double)probabilities[row, c])).ToDictionary();
        return new ClassPrediction(file, byClass.MaxBy(p => p.Value).Key, byClass);
    }
}
