using System.Text;
using CompactConv.IO;

namespace CompactConv.Audio.Synthesis;

/// <summary>
/// The TAU Urban Acoustic Scenes layout: audio/NAME.wav, meta.csv, evaluation_setup/fold1_*.csv,
/// plus annotations/NAME.txt and the set's DESED-style annotations.tsv.
/// </summary>
internal sealed class TauOutputLayout : SynthOutputLayout
{
    /// <inheritdoc/>
    protected override int TimeDecimals => 3;

    /// <inheritdoc/>
    public override string AudioFile(SoundscapePlan plan) => Path.Combine("audio", plan.Name + ".wav");

    /// <inheritdoc/>
    public override string AnnotationFile(SoundscapePlan plan) => Path.Combine("annotations", plan.Name + ".txt");

    /// <inheritdoc/>
    protected override void WriteLayoutFiles(string outDir, SynthSpec spec, IReadOnlyList<SoundscapeRecord> sorted)
    {
        WriteAnnotationTable(Path.Combine(outDir, "annotations.tsv"), sorted);
        var meta = new StringBuilder("filename\tscene_label\tidentifier\tsource_label\n");
        var train = new StringBuilder("filename\tscene_label\n");
        var validate = new StringBuilder("filename\tscene_label\n");
        var evaluate = new StringBuilder("filename\tscene_label\n");
        var test = new StringBuilder("filename\n");
        foreach (var r in sorted)
        {
            string audio = $"audio/{r.FileName}";
            meta.Append(audio).Append('\t').Append(r.Plan.Scene).Append('\t').Append(r.Plan.Background.Clip.Identifier).Append("\tsynth\n");
            var list = r.Plan.Split switch
            {
                SynthSplit.Train => train,
                SynthSplit.Validate => validate,
                _ => evaluate,
            };
            list.Append(audio).Append('\t').Append(r.Plan.Scene).Append('\n');
            if (r.Plan.Split == SynthSplit.Test) test.Append(audio).Append('\n');
        }
        AtomicFile.WriteText(Path.Combine(outDir, "meta.csv"), meta.ToString());
        AtomicFile.WriteText(Path.Combine(outDir, "evaluation_setup", "fold1_train.csv"), train.ToString());
        // TAU has no validation list; a spec without a validate split writes exactly the TAU files.
        if (spec.Splits.Contains(SynthSplit.Validate))
            AtomicFile.WriteText(Path.Combine(outDir, "evaluation_setup", "fold1_validate.csv"), validate.ToString());
        AtomicFile.WriteText(Path.Combine(outDir, "evaluation_setup", "fold1_evaluate.csv"), evaluate.ToString());
        AtomicFile.WriteText(Path.Combine(outDir, "evaluation_setup", "fold1_test.csv"), test.ToString());
    }
}
