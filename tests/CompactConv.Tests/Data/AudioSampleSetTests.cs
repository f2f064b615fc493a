using System.Security.Cryptography;
using CompactConv.Audio;
using CompactConv.Audio.Synthesis;
using CompactConv.Data;

namespace CompactConv.Tests.Data;

/// <summary>The audio sample set committed under data/audio-samples and its licence tables.</summary>
public sealed class AudioSampleSetTests
{
    private const long BudgetBytes = 3_000_000;
    private const int SampleRate = 16000;

    private static readonly string Repo = FindRepo();
    private static readonly string Samples = Path.Combine(Repo, AudioSamples.RelativeDir);

    private sealed record Listed(string File, string Package, string Licence, long Bytes, string Sha256);

    [Fact]
    public void EveryClipIsListedInBothLicenceTablesWithItsSizeAndHash()
    {
        var readme = ReadmeRows();
        var licences = LicencesTsvRows();

        Assert.Equal(Clips().Order(StringComparer.Ordinal), readme.Select(r => r.File).Order(StringComparer.Ordinal));
        Assert.Equal(readme.OrderBy(r => r.File, StringComparer.Ordinal), licences.OrderBy(r => r.File, StringComparer.Ordinal));
        Assert.All(readme, row =>
        {
            var path = Path.Combine(Samples, row.File);
            Assert.True(File.Exists(path), $"{row.File} is listed but missing");
            Assert.Equal(row.Bytes, new FileInfo(path).Length);
            Assert.Equal(row.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
            Assert.Contains(row.Licence, new[] { "CC0", "CC0-1.0", "CC-BY-3.0", "CC-BY-SA-3.0" });
            Assert.True(File.Exists(Path.Combine(Samples, "copyright", row.Package + ".txt")), $"no copyright file of {row.Package}");
        });
    }

    [Fact]
    public void TheWholeFolderStaysWithinItsBudget()
    {
        long total = Directory.EnumerateFiles(Samples, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        Assert.InRange(total, 1, BudgetBytes);
    }

    [Fact]
    public void EveryClipDecodesAsMonoAtTheStatedRateWithinItsKindsLength()
    {
        Assert.All(Clips(), clip =>
        {
            var audio = AudioReader.Read(Path.Combine(Samples, clip));
            Assert.Equal(SampleRate, audio.SampleRate);
            Assert.Equal(1, audio.ChannelCount);
            // Events are cut to 3 s and backgrounds to 8 s by scripts/make-audio-samples.sh.
            Assert.InRange(audio.DurationSeconds, 0.1, clip.StartsWith("events", StringComparison.Ordinal) ? 3.01 : 8.01);
            Assert.True(audio.Channels[0].Max(Math.Abs) > 0.05, $"{clip} is (nearly) silent");
        });
    }

    [Theory]
    [InlineData("scenes-demo.json", 4, 5)]
    [InlineData("events-demo.json", 1, 5)]
    public void TheDemoSpecsGiveEveryLabelItsOwnClipsInTrainValidationAndTest(string specFile, int scenes, int eventLabels)
    {
        var synthesizer = new SoundscapeSynthesizer(SynthSpecReader.Load(Path.Combine(Samples, specFile)));

        Assert.Equal(scenes, synthesizer.Spec.Scenes.Count);
        Assert.Equal(eventLabels, synthesizer.Spec.Scenes.SelectMany(s => s.Events.Labels).Distinct().Count());
        Assert.Empty(synthesizer.Warnings);
        foreach (var role in new[] { SourceRole.Foreground, SourceRole.Background })
        {
            var labels = synthesizer.Spec.Scenes.SelectMany(s => role == SourceRole.Foreground ? s.Events.Labels : s.Backgrounds).Distinct();
            foreach (var label in labels)
            {
                var bySplit = synthesizer.Spec.Splits.Select(split => synthesizer.Partition.Clips(split, role, label)).ToList();
                Assert.All(bySplit, clips => Assert.NotEmpty(clips));
                Assert.Equal(bySplit.Sum(c => c.Count), bySplit.SelectMany(c => c).Select(c => c.Path).Distinct().Count());
            }
        }
    }

    [Fact]
    public void TheProgramFindsTheCopyNextToItselfFirst()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, AudioSamples.RelativeDir), AudioSamples.Locate("scenes-demo.json"));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, AudioSamples.RelativeDir, "LICENSES.tsv")));
    }

    [Fact]
    public void WithoutAnyCopyTheErrorNamesWhereItLooked()
    {
        string nowhere = Path.Combine(Path.GetTempPath(), "compactconv-tests-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DataException>(() => AudioSamples.Locate("scenes-demo.json", candidates: [nowhere]));

        Assert.Equal(nowhere, error.Path);
        Assert.Contains("give a sample folder as AudioDemoOptions.SamplesDir", error.Message);
    }

    private static IEnumerable<string> Clips() =>
        Directory.EnumerateFiles(Samples, "*.ogg", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Samples, f).Replace('\\', '/'));

    // The "Files" table of data/README.md's audio-samples section: | `file` | package | `original` | licence | bytes | `sha256` |
    private static List<Listed> ReadmeRows()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo, "data", "README.md"));
        int section = Array.IndexOf(lines, "## `audio-samples/`");
        Assert.True(section >= 0, "data/README.md has no audio-samples section");
        return lines.Skip(section)
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim().Trim('`')).ToArray())
            .Where(c => c[1].EndsWith(".ogg", StringComparison.Ordinal))
            .Select(c => new Listed(c[1], c[2], c[4], long.Parse(c[5], System.Globalization.CultureInfo.InvariantCulture), c[6]))
            .ToList();
    }

    private static List<Listed> LicencesTsvRows() => File.ReadAllLines(Path.Combine(Samples, "LICENSES.tsv")).Skip(1)
        .Select(l => l.Split('\t'))
        .Select(c => new Listed(c[0], c[1], c[4].Split(' ')[0], long.Parse(c[5], System.Globalization.CultureInfo.InvariantCulture), c[6]))
        .ToList();

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "README.md")) && Directory.Exists(Path.Combine(dir.FullName, AudioSamples.RelativeDir)))
                return dir.FullName;
        }
        throw new InvalidOperationException("the repository's data/ folder is not above the test program");
    }
}
