using System.Globalization;

namespace CompactConv.Data.Audio;

/// <summary>
/// A folder per class, DIR/&lt;class&gt;/*.wav|*.ogg, divided by a seeded split stratified by
/// class, or by DIR/split.csv (filename,split) when that file exists.
/// </summary>
internal static class FolderLayout
{
    private const string SplitFile = "split.csv";

    private static readonly string[] AudioExtensions = [".wav", ".ogg"];

    public static AudioSplits Load(string dataDir, AudioDatasetOptions options) =>
        File.Exists(Path.Combine(dataDir, SplitFile)) ? LoadSplitFile(dataDir, options) : LoadSeeded(dataDir, options);

    private static bool IsAudio(string file) =>
        AudioExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);

    private static List<string> AudioFiles(string folder) => Data.ClassFolders.Files(folder, AudioExtensions);

    private static IEnumerable<string> ClassFolders(string dataDir) => Data.ClassFolders.Names(dataDir);

    private static AudioSplits LoadSeeded(string dataDir, AudioDatasetOptions options)
    {
        var warnings = new List<string>();
        var files = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string name in ClassFolders(dataDir))
        {
            var audio = AudioFiles(Path.Combine(dataDir, name));
            if (audio.Count > 0)
                files[name] = audio;
            else
                warnings.Add($"folder '{name}' has no .wav or .ogg files and is not a class");
        }
        if (files.Count == 0)
            throw new DataException(dataDir, "no class folders with .wav or .ogg files (expected DIR/<class>/<clip>.wav)");
        int loose = AudioFiles(dataDir).Count;
        if (loose > 0)
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{loose} audio files directly in the data folder belong to no class and are ignored"));

        var problems = new ProblemList();
        var collector = new ExampleCollector(dataDir, problems);
        foreach (var (label, names) in files)
        {
            var test = StratifiedSplit.TestMembers(names, label, options.Seed, options.TestFraction);
            // Files keep their name order within a split; only membership is random.
            foreach (string name in names)
            {
                string relative = label + "/" + name;
                collector.Add(relative, label, test.Contains(name) ? SplitPart.Test : SplitPart.Train, relative);
            }
        }

        string origin = string.Create(CultureInfo.InvariantCulture,
            $"class folders in {dataDir}, seeded split (test fraction {options.TestFraction}, seed {options.Seed})");
        return SplitAssembler.Assemble(collector.Candidates, files.Keys.ToList(), problems, options, dataDir, origin, warnings);
    }

    private static AudioSplits LoadSplitFile(string dataDir, AudioDatasetOptions options)
    {
        var problems = new ProblemList();
        var table = DelimitedTable.Read(dataDir, SplitFile, "split file", ',', ["filename", "split"], problems);
        string splitPath = Path.Combine(dataDir, SplitFile);
        if (table is null)
            throw problems.ToException(splitPath);

        var collector = new ExampleCollector(dataDir, problems);
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.TakeRows())
        {
            string file = row.Fields[table.Column("filename")].Replace('\\', '/');
            string split = row.Fields[table.Column("split")];
            listed.Add(file);
            string[] parts = file.Split('/');
            SplitPart? part = split switch
            {
                "train" => SplitPart.Train,
                "validation" => SplitPart.Validation,
                "test" => SplitPart.Test,
                _ => null,
            };
            if (parts.Length != 2 || parts[0].Length == 0 || parts[0] is "." or ".." || parts[1].Length == 0)
                problems.Add($"{row.Where}: {file} is not in a class folder (expected <class>/<clip>.wav)");
            else if (!IsAudio(file))
                problems.Add($"{row.Where}: {file} is not a .wav or .ogg file");
            else if (part is null)
                problems.Add($"{row.Where}: split '{split}' is not train, validation or test");
            else
            {
                labels.Add(parts[0]);
                collector.Add(file, parts[0], part.Value, row.Where);
            }
        }

        var warnings = new List<string>();
        int unlisted = ClassFolders(dataDir).Sum(c => AudioFiles(Path.Combine(dataDir, c)).Count(f => !listed.Contains(c + "/" + f)));
        if (unlisted > 0)
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{unlisted} audio files in class folders are not listed in {SplitFile} and are ignored"));

        string origin = $"class folders in {dataDir}, split by {SplitFile}";
        return SplitAssembler.Assemble(collector.Candidates, labels.ToList(), problems, options, splitPath, origin, warnings);
    }
}
