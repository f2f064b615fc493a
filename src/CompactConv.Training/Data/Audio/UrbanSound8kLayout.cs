using System.Globalization;

namespace CompactConv.Data.Audio;

/// <summary>
/// UrbanSound8K as distributed: metadata/UrbanSound8K.csv lists every slice with its fold (1-10),
/// classID, class name and the freesound recording it was cut from (fsID); slices live in
/// audio/fold{N}/. One fold is the test split, the other nine train.
/// </summary>
internal static class UrbanSound8kLayout
{
    /// <summary>Number of folds UrbanSound8K is divided into.</summary>
    public const int Folds = 10;

    private const string MetaFile = "metadata/UrbanSound8K.csv";

    public static AudioSplits Load(string dataDir, int testFold, AudioDatasetOptions options)
    {
        var problems = new ProblemList();
        var table = DelimitedTable.Read(dataDir, MetaFile, "UrbanSound8K metadata file", ',',
            ["slice_file_name", "fsID", "fold", "classID", "class"], problems);
        string metaPath = Path.Combine(dataDir, MetaFile);
        if (table is null)
            throw problems.ToException(metaPath);

        var classes = new NumberedClasses("classID", "class");
        var collector = new ExampleCollector(dataDir, problems);
        var rowProblems = new List<string>();
        foreach (var row in table.TakeRows())
        {
            rowProblems.Clear();
            int? fold = RowValues.Integer(row, table, "fold", 1, Folds, rowProblems);
            int? classId = RowValues.Integer(row, table, "classID", 0, 100_000, rowProblems);
            string name = row.Fields[table.Column("class")];
            string? conflict = null;
            if (classId is not null && !classes.TryAdd(classId.Value, name, row.Where, out conflict))
                rowProblems.Add(conflict!);
            rowProblems.ForEach(problems.Add);
            if (rowProblems.Count > 0)
                continue;

            string file = row.Fields[table.Column("slice_file_name")];
            string relative = string.Create(CultureInfo.InvariantCulture, $"audio/fold{fold}/{file}");
            // Slice names are unique across folds; the same slice in two folds would leak into the test fold.
            collector.Add(relative, name, fold == testFold ? SplitPart.Test : SplitPart.Train, row.Where,
                source: row.Fields[table.Column("fsID")], fold: fold, key: file);
        }

        string origin = string.Create(CultureInfo.InvariantCulture, $"UrbanSound8K, test fold {testFold}, from {dataDir}");
        return SplitAssembler.Assemble(collector.Candidates, classes.Names, problems, options, metaPath, origin, []);
    }
}
