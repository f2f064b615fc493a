using System.Globalization;
using System.Text;

namespace CompactConv.Audio.Synthesis;

/// <summary>
/// The text tables both layouts share: URBAN-SED event lines, the DESED-style event table and
/// sources.tsv for licence tracing. Records are taken in the order given.
/// </summary>
internal static class SynthTables
{
    /// <summary>Header of the DESED-style event table.</summary>
    public const string AnnotationHeader = "filename\tonset\toffset\tevent_label\n";

    /// <summary>One soundscape's events: onset, offset, label per line, tab-separated, no header.</summary>
    public static string EventLines(SoundscapeRecord record, int decimals)
    {
        var text = new StringBuilder();
        foreach (var e in record.Events)
            text.Append(Time(e.Onset, decimals)).Append('\t').Append(Time(e.Offset, decimals)).Append('\t').Append(e.Label).Append('\n');
        return text.ToString();
    }

    /// <summary>The DESED-style table: a header, then one row per event with the soundscape's file name.</summary>
    public static string Annotations(IEnumerable<SoundscapeRecord> records, int decimals)
    {
        var text = new StringBuilder(AnnotationHeader);
        foreach (var r in records)
            foreach (var e in r.Events)
                text.Append(r.FileName).Append('\t').Append(Time(e.Onset, decimals)).Append('\t').Append(Time(e.Offset, decimals)).Append('\t').Append(e.Label).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// One row per clip use: the background first, then events by onset. A background duration longer
    /// than the recording means it looped.
    /// </summary>
    public static string Sources(SynthSpec spec, IEnumerable<SoundscapeRecord> records)
    {
        var text = new StringBuilder("filename\trole\tlabel\tsource_file\tsource_offset\tonset\tduration\tsnr_db\n");
        foreach (var r in records)
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

    /// <summary>Seconds with <paramref name="decimals"/> decimals (3 unless given), culture-independent.</summary>
    public static string Time(double seconds, int decimals = 3) => seconds.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
