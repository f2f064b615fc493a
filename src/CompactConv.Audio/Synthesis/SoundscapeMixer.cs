namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Mixes a planned soundscape: loops the background under it, cuts, fades and scales each event to
/// its SNR against the background it covers, then turns the whole mix down if it would clip.
/// </summary>
internal static class SoundscapeMixer
{
    /// <summary>Largest absolute sample allowed in a soundscape.</summary>
    public const double PeakLimit = 0.99;

    // -100 dBFS: below this the background under an event is treated as silence.
    private const double SilenceFloorPower = 1e-10;

    /// <summary>Renders <paramref name="plan"/> into stems and their mix.</summary>
    public static SoundscapeStems Render(SoundscapePlan plan, SynthSpec spec, ClipCache cache)
    {
        int length = plan.LengthSamples;
        var background = BackgroundStem(plan.Background, cache.Get(plan.Background.Clip.Path), length);
        double backgroundGain = Math.Pow(10, spec.BackgroundGainDb / 20);
        if (spec.BackgroundLevelDb is double level && MeanSquare(background) is var power && power > 0)
            backgroundGain *= Math.Pow(10, level / 20) / Math.Sqrt(power);
        Scale(background, backgroundGain);
        var mix = (float[])background.Clone();
        var stems = new List<EventStem>();
        var dropped = new List<DroppedEvent>(plan.Dropped);
        int fadeLength = (int)Math.Round(spec.FadeSeconds * spec.SampleRate);
        foreach (var placed in plan.Events)
        {
            var segment = cache.Get(placed.Clip.Path).AsSpan(placed.SourceOffsetSamples, placed.LengthSamples).ToArray();
            ApplyFades(segment, fadeLength);
            // The event's power is measured after the fades, on exactly what is mixed, so the SNR holds for the stem.
            double eventPower = MeanSquare(segment);
            if (eventPower <= 0)
            {
                dropped.Add(new DroppedEvent(placed.Label, $"silent source segment in {placed.Clip.RelativePath}"));
                continue;
            }
            double backgroundPower = MeanSquare(background.AsSpan(placed.OnsetSamples, placed.LengthSamples));
            bool silent = backgroundPower < SilenceFloorPower;
            double gain = Math.Sqrt(Math.Max(backgroundPower, SilenceFloorPower) * Math.Pow(10, placed.SnrDb / 10) / eventPower);
            for (int i = 0; i < segment.Length; i++)
            {
                segment[i] = (float)(segment[i] * gain);
                mix[placed.OnsetSamples + i] += segment[i];
            }
            stems.Add(new EventStem(placed, segment, gain, silent));
        }

        double peak = 0;
        foreach (float sample in mix) peak = Math.Max(peak, Math.Abs(sample));
        double reductionDb = 0;
        if (peak > PeakLimit)
        {
            // One factor for every part keeps each event's SNR while bringing the peak to the limit.
            double scale = PeakLimit / peak;
            reductionDb = -20 * Math.Log10(scale);
            Scale(mix, scale);
            Scale(background, scale);
            for (int s = 0; s < stems.Count; s++)
            {
                Scale(stems[s].Samples, scale);
                stems[s] = stems[s] with { Gain = stems[s].Gain * scale };
            }
        }
        return new SoundscapeStems
        {
            Plan = plan,
            Background = background,
            Events = stems,
            Mix = mix,
            PeakBeforeScaling = peak,
            GainReductionDb = reductionDb,
            Dropped = dropped,
        };
    }

    /// <summary>Mean of squares, accumulated in double.</summary>
    public static double MeanSquare(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (float s in samples) sum += (double)s * s;
        return samples.Length == 0 ? 0 : sum / samples.Length;
    }

    private static float[] BackgroundStem(BackgroundUse use, float[] source, int length)
    {
        var stem = new float[length];
        int at = use.OffsetSamples;
        for (int i = 0; i < length; i++)
        {
            stem[i] = source[at];
            if (++at == source.Length) at = 0;
        }
        return stem;
    }

    // Linear ramps from 0 over fadeLength samples at each end, shortened to half the event when it is short.
    private static void ApplyFades(float[] segment, int fadeLength)
    {
        int fade = Math.Min(fadeLength, segment.Length / 2);
        for (int i = 0; i < fade; i++)
        {
            float weight = (float)i / fade;
            segment[i] *= weight;
            segment[^(i + 1)] *= weight;
        }
    }

    private static void Scale(float[] samples, double scale)
    {
        for (int i = 0; i < samples.Length; i++) samples[i] = (float)(samples[i] * scale);
    }
}
