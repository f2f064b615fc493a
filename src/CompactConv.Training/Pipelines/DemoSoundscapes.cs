using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CompactConv.Audio.Synthesis;
using CompactConv.IO;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>The soundscapes an audio demo trains on.</summary>
/// <param name="Folder">The synthesised set (TAU or URBAN-SED layout).</param>
/// <param name="Spec">The spec it was made from (with the demo's soundscape count).</param>
/// <param name="Reused">Whether a complete set from the same samples and spec was already there.</param>
public sealed record DemoSoundscapeSet(string Folder, SynthSpec Spec, bool Reused);

/// <summary>
/// Synthesises an audio demo's soundscapes into its output folder, or reuses them: a set counts as
/// complete once synth_report.json (written last) and the demo's stamp are there, and the stamp (a hash
/// of the spec, the count and every source clip) says it was made from the same inputs.
/// </summary>
public static class DemoSoundscapes
{
    /// <summary>The set's folder inside the demo's output folder.</summary>
    public const string FolderName = "soundscapes";

    private const string StampFile = "demo-inputs.sha256";
    private const string ReportFile = "synth_report.json";

    /// <summary>
    /// Makes sure <paramref name="outDir"/>/<see cref="FolderName"/> holds the soundscapes of
    /// <paramref name="specPath"/> (with <paramref name="count"/> soundscapes when given).
    /// </summary>
    /// <exception cref="DataException">The spec or a clip is bad, or the folder holds demo runs trained on a
    /// set made from other inputs (they are kept: the user removes them or picks another folder).</exception>
    public static DemoSoundscapeSet Prepare(string specPath, string outDir, int? count = null, Action<int, int>? progress = null)
    {
        var spec = SynthSpecReader.Load(specPath);
        if (count is { } n) spec = spec with { Count = n };
        string folder = Path.Combine(outDir, FolderName);
        string stampPath = Path.Combine(folder, StampFile), reportPath = Path.Combine(folder, ReportFile);
        string stamp = Fingerprint(specPath, spec);
        if (File.Exists(reportPath) && File.Exists(stampPath) && File.ReadAllText(stampPath).Trim() == stamp)
            return new DemoSoundscapeSet(folder, spec, Reused: true);

        if (Directory.Exists(folder) && HasRuns(outDir))
            throw new DataException(outDir, $"holds demo runs trained on soundscapes from other samples or settings; remove it or choose another {nameof(AudioDemoOptions)}.{nameof(AudioDemoOptions.OutDir)}");
        // The stamp goes first and comes back last, so a set interrupted while being rewritten is never taken as complete.
        if (File.Exists(stampPath)) File.Delete(stampPath);
        new SoundscapeSynthesizer(spec, new SynthOptions { Progress = progress }).Generate(folder);
        AtomicFile.WriteText(stampPath, stamp + "\n");
        return new DemoSoundscapeSet(folder, spec, Reused: false);
    }

    private static bool HasRuns(string outDir) =>
        Directory.EnumerateDirectories(outDir).Any(d => new CheckpointStore(d).Exists);

    // Everything the soundscapes depend on: the spec as written, the count, and every clip's bytes.
    private static string Fingerprint(string specPath, SynthSpec spec)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add(File.ReadAllText(specPath));
        Add(spec.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var root in new[] { spec.ForegroundDir, spec.BackgroundDir })
        {
            if (!Directory.Exists(root)) continue;
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                Add(Path.GetRelativePath(root, file));
                hash.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
