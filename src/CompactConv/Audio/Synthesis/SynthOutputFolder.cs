using CompactConv.IO;

namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Guards the output folder: a marker file says it holds a synthesised set, so a rerun may clear
/// that set's old soundscapes (a smaller count would otherwise leave stale files that folder-scanning
/// loaders pick up) while a folder of anything else is never touched.
/// </summary>
internal static class SynthOutputFolder
{
    /// <summary>Name of the marker file.</summary>
    public const string MarkerName = ".compactconv-synth";

    /// <summary>Makes <paramref name="outDir"/> ready: created, or cleared of an earlier set's audio and annotations.</summary>
    public static void Prepare(string outDir)
    {
        var marker = Path.Combine(outDir, MarkerName);
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
        {
            if (!File.Exists(marker))
                throw new DataException(outDir, "output folder is not empty and was not written by 'compactconv synth'; give a new or empty folder");
            DeleteAll(Path.Combine(outDir, "audio"), "*.wav");
            DeleteAll(Path.Combine(outDir, "annotations"), "*.txt");
        }
        AtomicFile.WriteText(marker, "written by compactconv synth\n");
    }

    private static void DeleteAll(string folder, string pattern)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.GetFiles(folder, pattern)) File.Delete(file);
    }
}
