namespace CompactConv.Audio.Features;

/// <summary>librosa.power_to_db on one example's values.</summary>
public static class Decibels
{
    /// <summary>
    /// Replaces each power S in <paramref name="values"/> by 10 * log10(max(amin, S)) - 10 * log10(max(amin, ref));
    /// then, if <paramref name="topDb"/> is set, raises every value below (the maximum - topDb) to it.
    /// The maximum is over all of <paramref name="values"/>, so pass one example (all its bands and
    /// frames), as one librosa call per clip does.
    /// </summary>
    public static void PowerToDbInPlace(Span<float> values, double reference, double amin, double? topDb)
    {
        if (!(amin > 0)) throw new ArgumentException($"amin must be positive, got {amin}");
        if (topDb is < 0) throw new ArgumentException($"top_db must be 0 or more, got {topDb}");
        double offset = 10.0 * Math.Log10(Math.Max(amin, reference));
        float max = float.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            float db = (float)(10.0 * Math.Log10(Math.Max(amin, values[i])) - offset);
            values[i] = db;
            // NaN never compares greater, so a NaN is left for the caller's finite check, not spread.
            if (db > max) max = db;
        }
        if (topDb is not { } range || values.Length == 0) return;
        float floor = (float)(max - range);
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] < floor) values[i] = floor;
        }
    }
}
