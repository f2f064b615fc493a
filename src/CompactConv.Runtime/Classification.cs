namespace CompactConv.Runtime;

/// <summary>A classifier's answer for one input.</summary>
/// <param name="Label">The most probable class (the first on ties).</param>
/// <param name="ClassIndex">Its index in <paramref name="ClassNames"/>.</param>
/// <param name="Probabilities">Softmax probabilities, index-aligned with <paramref name="ClassNames"/>.</param>
/// <param name="ClassNames">The model's class names.</param>
public sealed record Classification(string Label, int ClassIndex, float[] Probabilities, IReadOnlyList<string> ClassNames)
{
    /// <summary>The answer for <paramref name="probabilities"/>: the class of highest probability.</summary>
    public static Classification FromProbabilities(float[] probabilities, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(classNames);
        if (probabilities.Length != classNames.Count || probabilities.Length == 0)
            throw new ArgumentException($"{probabilities.Length} probabilities for {classNames.Count} classes");
        int best = 0;
        for (int c = 1; c < probabilities.Length; c++)
            if (probabilities[c] > probabilities[best]) best = c;
        return new Classification(classNames[best], best, probabilities, classNames);
    }
}
