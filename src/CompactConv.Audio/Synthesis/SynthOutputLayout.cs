using CompactConv.IO;

namespace CompactConv.Audio.Synthesis;

/// <summary>Where one layout puts each soundscape's files, and which set-level files it writes.</summary>
internal abstract class SynthOutputLayout
{
    /// <summary>The writer of <paramref name="layout"/>.</summary>
    public static SynthOutputLayout For(SynthLayout layout) => layout == SynthLayout.UrbanSed ? new UrbanSedOutputLayout() : new TauOutputLayout();

    /// <summary>Decimals of the times in the annotation files.</summary>
    protected abstract int TimeDecimals { get; }

    /// <summary>The soundscape's WAV file, relative to the output folder.</summary>
    public abstract string AudioFile(SoundscapePlan plan);

    /// <summary>The soundscape's URBAN-SED style annotation file, relative to the output folder.</summary>
    public abstract string AnnotationFile(SoundscapePlan plan);

    /// <summary>Writes the per-file annotation: onset, offset, label per line, tab-separated, no header; empty without events.</summary>
    public void WriteFileAnnotation(string outDir, SoundscapeRecord record) =>
        AtomicFile.WriteText(Path.Combine(outDir, AnnotationFile(record.Plan)), SynthTables.EventLines(record, TimeDecimals));

    /// <summary>Writes every set-level file except the report; records are taken in file-name order.</summary>
    public void WriteSetFiles(string outDir, SynthSpec spec, IReadOnlyList<SoundscapeRecord> records)
    {
        var sorted = records.OrderBy(r => r.FileName, StringComparer.Ordinal).ToList();
        WriteLayoutFiles(outDir, spec, sorted);
        AtomicFile.WriteText(Path.Combine(outDir, "sources.tsv"), SynthTables.Sources(spec, sorted));
    }

    /// <summary>Writes the files only this layout has, from records sorted by file name.</summary>
    protected abstract void WriteLayoutFiles(string outDir, SynthSpec spec, IReadOnlyList<SoundscapeRecord> sorted);

    /// <summary>Writes the DESED-style event table of <paramref name="records"/> to <paramref name="path"/>.</summary>
    protected void WriteAnnotationTable(string path, IEnumerable<SoundscapeRecord> records) =>
        AtomicFile.WriteText(path, SynthTables.Annotations(records, TimeDecimals));
}
