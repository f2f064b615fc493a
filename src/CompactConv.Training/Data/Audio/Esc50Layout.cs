using System.Globalization;

namespace CompactConv.Data.Audio;

/// <summary>
/// ESC-50 as distributed: meta/esc50.csv lists every clip with its fold (1-5), class number
/// (target), class name (category) and the freesound recording it was cut from (src_file);
/// the clips are in audio/. One fold is the test split, the other four train.
/// </summary>
internal static class Esc50Layout
{
    /// <summary>Number of folds ESC-50 is divided into.</summary>
    public const int Folds = 5;

    private const string MetaFile = "meta/esc50.csv";

    public static AudioSplits Load(string dataDir, int testFold, AudioDatasetOptions options)
    {
        var problems = new ProblemList();
        var table = DelimitedTable.Read(dataDir, MetaFile, "ESC-50 metadata file", ',',
            ["filename", "fold", "target", "category", "src_file"], problems);
        string metaPath = Path.Combine(dataDir, MetaFile);
        if (table is null)
            throw problems.ToException(metaPath);

        var classes = new NumberedClasses("target", "category");
        var collector = new ExampleCollector(dataDir, problems);
        var rowProblems = new List<string>();
        foreach (var row in table.TakeRows())
        {
            rowProblems.Clear();
            int? fold = RowValues.Integer(row, table, "fold", 1, Folds, rowProblems);
            // ESC-50 numbers its classes from 0; the upper bound only rejects absurd values.
            int? target = RowValues.Integer(row, table, "target", 0, 100_000, rowProblems);
            string category = row.Fields[table.Column("category")];
            string? conflict = null;
            if (target is not null && !classes.TryAdd(target.Value, category, row.Where, out conflict))
                rowProblems.Add(conflict!);
            rowProblems.ForEach(problems.Add);
            if (rowProblems.Count > 0)
                continue;

            string file = row.Fields[table.Column("filename")];
            collector.Add("audio/" + file, category, fold == testFold ? SplitPart.Test : SplitPart.Train, row.Where,
                source: row.Fields[table.Column("src_file")], fold: fold, key: file);
        }

        string origin = string.Create(CultureInfo.InvariantCulture, $"ESC-50, test fold {testFold}, from {dataDir}");
        return SplitAssembler.Assemble(collector.Candidates, classes.Names, problems, options, metaPath, origin, []);
    }
}
