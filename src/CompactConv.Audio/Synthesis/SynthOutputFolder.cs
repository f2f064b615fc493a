using CompactConv.IO;

namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Guards the output folder: a marker file says it holds a synthesised set, so a rerun may clear
/// that set's old files (a smaller count, another split or another layout would otherwise leave
/// stale soundscapes that folder-scanning loaders pick up) while a folder of anything else is never touched.
/// </summary>
internal static class SynthOutputFolder
{
    /// <summary>Name of the marker file.</summary>
    public const string MarkerName = ".compactconv-synth";

    private static readonly string[] SplitFolders = Enum.GetValues<SynthSplit>().Select(s => s.Name()).ToArray();

    // Set-level files of either layout; the report goes first, as its presence means a complete set.
    private static readonly string[] SetFiles =
    [
        "synth_report.json", "annotations.tsv", "meta.csv", "sources.tsv",
        .. new[] { "train", "validate", "evaluate", "test" }.Select(f => Path.Combine("evaluation_setup", $"fold1_{f}.csv")),
        .. SplitFolders.Select(s => Path.Combine("metadata", s + ".tsv")),
    ];

    /// <summary>Makes <paramref name="outDir"/> ready: created, or cleared of an earlier set's soundscapes, annotations and tables.</summary>
    public static void Prepare(string outDir)
    {
        var marker = Path.Combine(outDir, MarkerName);
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
        {
            if (!File.Exists(marker))
                throw new DataException(outDir, "output folder is not empty and was not written by 'compactconv synth'; give a new or empty folder");
            // File.Delete accepts a missing file but not a missing folder.
            foreach (var file in SetFiles.Select(f => Path.Combine(outDir, f)).Where(File.Exists)) File.Delete(file);
            foreach (var (folder, pattern) in new[] { ("audio", "*.wav"), ("annotations", "*.txt") })
            {
                DeleteAll(Path.Combine(outDir, folder), pattern);
                foreach (var split in SplitFolders) DeleteAll(Path.Combine(outDir, folder, split), pattern);
            }
        }
        AtomicFile.WriteText(marker, "written by compactconv synth\n");
    }

    private static void DeleteAll(string folder, string pattern)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.GetFiles(folder, pattern)) File.Delete(file);
    }
}
