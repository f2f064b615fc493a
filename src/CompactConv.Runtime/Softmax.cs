namespace CompactConv.Runtime;

/// <summary>Softmax over logits: the exported classifiers return logits and leave it to the caller.</summary>
public static class Softmax
{
    /// <summary>Probabilities of <paramref name="logits"/>, shifted by the largest logit so that large logits cannot overflow.</summary>
    public static float[] Of(ReadOnlySpan<float> logits)
    {
        if (logits.IsEmpty) throw new ArgumentException("softmax of no logits");
        float largest = float.NegativeInfinity;
        foreach (float value in logits) largest = Math.Max(largest, value);
        var result = new float[logits.Length];
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double e = Math.Exp(logits[i] - largest);
            result[i] = (float)e;
            sum += e;
        }
        for (int i = 0; i < result.Length; i++) result[i] = (float)(result[i] / sum);
        return result;
    }
}
