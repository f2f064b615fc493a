using System.Globalization;

namespace CompactConv.Data.Audio;

/// <summary>
/// TAU Urban Acoustic Scenes development sets (DCASE 2019 and 2020 task 1): meta.csv lists every
/// clip with its scene and recording location; evaluation_setup/foldN_train.csv and
/// foldN_evaluate.csv name the official training and test clips. An optional foldN_validate.csv
/// (TAU has none; <c>compactconv synth</c> writes one) names validation clips in the same format.
/// </summary>
internal static class TauLayout
{
    private const string MetaFile = "meta.csv";

    /// <summary>Reads the official split of <paramref name="fold"/>.</summary>
    /// <param name="title">Dataset name for <see cref="AudioSplits.Source"/>.</param>
    /// <param name="dataDir">The unpacked development set's top folder (absolute).</param>
    /// <param name="fold">Evaluation setup fold; its setup files must exist.</param>
    /// <param name="options">Skipping, validation fraction and seed.</param>
    public static AudioSplits Load(string title, string dataDir, int fold, AudioDatasetOptions options)
    {
        string trainFile = string.Create(CultureInfo.InvariantCulture, $"evaluation_setup/fold{fold}_train.csv");
        string evaluateFile = string.Create(CultureInfo.InvariantCulture, $"evaluation_setup/fold{fold}_evaluate.csv");
        string validateFile = string.Create(CultureInfo.InvariantCulture, $"evaluation_setup/fold{fold}_validate.csv");
        string setupDescription = fold == 1
            ? "TAU evaluation setup file for fold 1"
            : string.Create(CultureInfo.InvariantCulture, $"TAU evaluation setup file for fold {fold} (the development sets define fold 1 only)");

        var problems = new ProblemList();
        var meta = DelimitedTable.Read(dataDir, MetaFile, "TAU metadata file", '\t',
            ["filename", "scene_label", "identifier"], problems);
        var train = DelimitedTable.Read(dataDir, trainFile, setupDescription, '\t', ["filename", "scene_label"], problems);
        var evaluate = DelimitedTable.Read(dataDir, evaluateFile, setupDescription, '\t', ["filename", "scene_label"], problems);
        bool hasValidate = File.Exists(Path.Combine(dataDir, validateFile));
        var validate = hasValidate
            ? DelimitedTable.Read(dataDir, validateFile, setupDescription, '\t', ["filename", "scene_label"], problems)
            : null;
        string metaPath = Path.Combine(dataDir, MetaFile);
        if (meta is null || train is null || evaluate is null || (hasValidate && validate is null))
            throw problems.ToException(metaPath);

        var clips = ReadMeta(meta, problems);
        var classNames = clips.Values.Select(c => c.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var known = classNames.ToHashSet(StringComparer.Ordinal);

        var collector = new ExampleCollector(dataDir, problems);
        var parts = new List<(DelimitedTable Table, SplitPart Part)> { (train, SplitPart.Train), (evaluate, SplitPart.Test) };
        if (validate is not null)
            parts.Add((validate, SplitPart.Validation));
        foreach (var (table, part) in parts)
        {
            int fileColumn = table.Column("filename"), labelColumn = table.Column("scene_label");
            foreach (var row in table.TakeRows())
            {
                string file = row.Fields[fileColumn], label = row.Fields[labelColumn];
                if (!known.Contains(label))
                    problems.Add($"{row.Where}: unknown scene label '{label}' (not in {MetaFile})");
                else if (!clips.TryGetValue(file, out var clip))
                    problems.Add($"{row.Where}: {file} is not listed in {MetaFile}");
                else if (clip.Label != label)
                    problems.Add($"{row.Where}: scene label '{label}' of {file} differs from '{clip.Label}' in {MetaFile}");
                else
                    collector.Add(file, label, part, row.Where, TauFileName.Device(file), clip.Identifier);
            }
        }

        string origin = string.Create(CultureInfo.InvariantCulture, $"{title}, fold {fold}, from {dataDir}");
        return SplitAssembler.Assemble(collector.Candidates, classNames, problems, options, metaPath, origin, []);
    }

    private sealed record MetaClip(string Label, string Identifier, string Where);

    private static Dictionary<string, MetaClip> ReadMeta(DelimitedTable meta, ProblemList problems)
    {
        int fileColumn = meta.Column("filename"), labelColumn = meta.Column("scene_label"), idColumn = meta.Column("identifier");
        var clips = new Dictionary<string, MetaClip>(StringComparer.Ordinal);
        foreach (var row in meta.TakeRows())
        {
            string file = row.Fields[fileColumn];
            if (clips.TryGetValue(file, out var first))
                problems.Add($"{row.Where}: duplicate {file}, already listed at {first.Where}");
            else
                clips[file] = new MetaClip(row.Fields[labelColumn], row.Fields[idColumn], row.Where);
        }
        return clips;
    }
}
