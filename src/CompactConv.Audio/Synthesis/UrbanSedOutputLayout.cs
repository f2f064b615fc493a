namespace CompactConv.Audio.Synthesis;

/// <summary>
/// The URBAN-SED layout: audio/SPLIT/NAME.wav, annotations/SPLIT/NAME.txt and one DESED-style
/// event table per split, metadata/SPLIT.tsv. Times carry 6 decimals (URBAN-SED's own files carry
/// full precision), so round(time * rate) gives back the exact sample of every onset and offset.
/// </summary>
internal sealed class UrbanSedOutputLayout : SynthOutputLayout
{
    /// <inheritdoc/>
    protected override int TimeDecimals => 6;

    /// <inheritdoc/>
    public override string AudioFile(SoundscapePlan plan) => Path.Combine("audio", plan.Split.Name(), plan.Name + ".wav");

    /// <inheritdoc/>
    public override string AnnotationFile(SoundscapePlan plan) => Path.Combine("annotations", plan.Split.Name(), plan.Name + ".txt");

    /// <inheritdoc/>
    protected override void WriteLayoutFiles(string outDir, SynthSpec spec, IReadOnlyList<SoundscapeRecord> sorted)
    {
        foreach (var split in spec.Splits)
            WriteAnnotationTable(Path.Combine(outDir, "metadata", split.Name() + ".tsv"), sorted.Where(r => r.Plan.Split == split));
    }
}
