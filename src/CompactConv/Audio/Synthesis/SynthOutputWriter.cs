using System.Globalization;
using System.Text;
using CompactConv.IO;

namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Writes the text outputs: per-file URBAN-SED annotations, the set's DESED-style annotations.tsv,
/// the TAU-style meta.csv and evaluation_setup/, and sources.tsv for licence tracing.
/// </summary>
internal static class SynthOutputWriter
{
    /// <summary>Writes annotations/&lt;name&gt;.txt: onset, offset, label per line, tab-separated, no header.</summary>
    public static void WriteFileAnnotation(string outDir, SoundscapeRecord record)
    {
        var text = new StringBuilder();
        foreach (var e in record.Events) text.Append(Time(e.Onset)).Append('\t').Append(Time(e.Offset)).Append('\t').Append(e.Label).Append('\n');
        AtomicFile.WriteText(Path.Combine(outDir, "annotations", record.Plan.Name + ".txt"), text.ToString());
    }

    /// <summary>Writes every set-level file except the report; records are taken in file-name order.</summary>
    public static void WriteSetFiles(string outDir, SynthSpec spec, IReadOnlyList<SoundscapeRecord> records)
    {
        var sorted = records.OrderBy(r => r.FileName, StringComparer.Ordinal).ToList();

        var annotations = new StringBuilder("filename\tonset\toffset\tevent_label\n");
        foreach (var r in sorted)
            foreach (var e in r.Events)
                annotations.Append(r.FileName).Append('\t').Append(Time(e.Onset)).Append('\t').Append(Time(e.Offset)).Append('\t').Append(e.Label).Append('\n');
        AtomicFile.WriteText(Path.Combine(outDir, "annotations.tsv"), annotations.ToString());

        var meta = new StringBuilder("filename\tscene_label\tidentifier\tsource_label\n");
        var train = new StringBuilder("filename\tscene_label\n");
        var evaluate = new StringBuilder("filename\tscene_label\n");
        var test = new StringBuilder("filename\n");
        foreach (var r in sorted)
        {
            string audio = $"audio/{r.FileName}";
            meta.Append(audio).Append('\t').Append(r.Plan.Scene).Append('\t').Append(r.Plan.Background.Clip.Identifier).Append("\tsynth\n");
            if (r.Plan.Split == SynthSplit.Train)
            {
                train.Append(audio).Append('\t').Append(r.Plan.Scene).Append('\n');
            }
            else
            {
                evaluate.Append(audio).Append('\t').Append(r.Plan.Scene).Append('\n');
                test.Append(audio).Append('\n');
            }
        }
        AtomicFile.WriteText(Path.Combine(outDir, "meta.csv"), meta.ToString());
        AtomicFile.WriteText(Path.Combine(outDir, "evaluation_setup", "fold1_train.csv"), train.ToString());
        AtomicFile.WriteText(Path.Combine(outDir, "evaluation_setup", "fold1_evaluate.csv"), evaluate.ToString());
        AtomicFile.WriteText(Path.Combine(outDir, "evaluation_setup", "fold1_test.csv"), test.ToString());
        AtomicFile.WriteText(Path.Combine(outDir, "sources.tsv"), Sources(spec, sorted));
    }

    // One row per clip use: the background first, then events by onset. A background duration longer
    // than the recording means it looped.
    private static string Sources(SynthSpec spec, List<SoundscapeRecord> sorted)
    {
        var text = new StringBuilder("filename\trole\tlabel\tsource_file\tsource_offset\tonset\tduration\tsnr_db\n");
        foreach (var r in sorted)
        {
            var bg = r.Plan.Background;
            text.Append(r.FileName).Append("\tbackground\t").Append(bg.Clip.Label).Append('\t').Append(bg.Clip.RelativePath).Append('\t')
                .Append(Time((double)bg.OffsetSamples / spec.SampleRate)).Append('\t').Append(Time(0)).Append('\t')
                .Append(Time((double)r.Plan.LengthSamples / spec.SampleRate)).Append("\t\n");
            foreach (var e in r.Events)
            {
                text.Append(r.FileName).Append("\tforeground\t").Append(e.Label).Append('\t').Append(e.Clip.RelativePath).Append('\t')
                    .Append(Time(e.SourceOffset)).Append('\t').Append(Time(e.Onset)).Append('\t')
                    .Append(Time((double)e.LengthSamples / spec.SampleRate)).Append('\t')
                    .Append(e.SnrDb.ToString("F2", CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>Seconds with 3 decimals, culture-independent.</summary>
    public static string Time(double seconds) => seconds.ToString("F3", CultureInfo.InvariantCulture);
}
