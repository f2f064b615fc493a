using CompactConv.IO;

namespace CompactConv.Tests.IO;

public class EarlierFilesTests
{
    private static readonly DateTime Written = new(2026, 12, 3, 14, 15, 0, DateTimeKind.Utc);

    private static void Write(string path, string text, DateTime when)
    {
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, when);
    }

    [Fact]
    public void KeepsEachFileUnderTheFirstOnesWriteTime()
    {
        using var folder = new TempFolder();
        Write(folder.File("results.csv"), "old results", Written);
        Write(folder.File("report.md"), "old report", Written.AddSeconds(1));

        var kept = EarlierFiles.Keep(folder.Path, "results.csv", "report.md");

        Assert.Equal([(folder.File("results.csv"), folder.File("results-20261203T141500Z.csv")),
            (folder.File("report.md"), folder.File("report-20261203T141500Z.md"))], kept);
        Assert.Equal("old results", File.ReadAllText(folder.File("results-20261203T141500Z.csv")));
        Assert.Equal("old report", File.ReadAllText(folder.File("report-20261203T141500Z.md")));
        Assert.False(File.Exists(folder.File("results.csv")));
        Assert.False(File.Exists(folder.File("report.md")));
    }

    [Fact]
    public void AKeptFileOfTheSameTimestampIsNeverReplaced()
    {
        using var folder = new TempFolder();
        Write(folder.File("results.csv"), "first", Written);
        EarlierFiles.Keep(folder.Path, "results.csv");
        Write(folder.File("results.csv"), "second", Written);

        var kept = EarlierFiles.Keep(folder.Path, "results.csv");

        Assert.Equal(folder.File("results-20261203T141500Z-2.csv"), Assert.Single(kept).To);
        Assert.Equal("first", File.ReadAllText(folder.File("results-20261203T141500Z.csv")));
        Assert.Equal("second", File.ReadAllText(folder.File("results-20261203T141500Z-2.csv")));
    }

    [Fact]
    public void OnlyExistingFilesAreKept()
    {
        using var folder = new TempFolder();
        Assert.Empty(EarlierFiles.Keep(folder.Path, "results.csv", "report.md"));

        Write(folder.File("report.md"), "report only", Written);
        var kept = EarlierFiles.Keep(folder.Path, "results.csv", "report.md");

        Assert.Equal(folder.File("report-20261203T141500Z.md"), Assert.Single(kept).To);
        Assert.Equal(["report-20261203T141500Z.md"], Directory.GetFiles(folder.Path).Select(f => Path.GetFileName(f)));
    }
}
