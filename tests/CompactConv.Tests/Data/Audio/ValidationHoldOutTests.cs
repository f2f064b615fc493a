using CompactConv.Data.Audio;
using static CompactConv.Tests.Data.Audio.AudioFixtures;

namespace CompactConv.Tests.Data.Audio;

public sealed class ValidationHoldOutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.Path;

    // ESC-50 layout: dog and cat have ten recordings of three clips each in folds 1-4, bird a
    // single recording; fold 5 holds one test clip per class.
    private void WriteEsc50()
    {
        var rows = new List<string>();
        foreach (var (target, category, sources) in new[] { (0, "dog", 10), (1, "cat", 10), (2, "bird", 1) })
        {
            for (int source = 0; source < sources; source++)
            {
                int id = 100 * (target + 1) + source;
                for (int take = 0; take < 3; take++)
                    rows.Add($"{source % 4 + 1}-{id}-{(char)('A' + take)}-{target}.wav,{source % 4 + 1},{target},{category},False,{id},{(char)('A' + take)}");
            }
            rows.Add($"5-{900 + target}-A-{target}.wav,5,{target},{category},False,{900 + target},A");
        }
        WriteLines(Root, "meta/esc50.csv", ["filename,fold,target,category,esc10,src_file,take", .. rows]);
        WriteAudio(Root, rows.Select(r => "audio/" + r.Split(',')[0]).ToArray());
    }

    private AudioSplits Load(double fraction, int seed) =>
        AudioDatasets.Load("esc50", Root, 5, new AudioDatasetOptions { ValidationFraction = fraction, Seed = seed });

    [Fact]
    public void WholeSourcesAreHeldOutPerClass()
    {
        WriteEsc50();
        var all = Load(0, 0);

        var splits = Load(0.2, 0);

        Assert.Equal(12, splits.Validation.Count);
        Assert.Equal([("dog", 6), ("cat", 6)], splits.Validation.CountBy(e => e.Label).Select(p => (p.Key, p.Value)));
        Assert.Empty(splits.Train.Select(e => e.Source).Intersect(splits.Validation.Select(e => e.Source)));
        Assert.Equal(3, splits.Train.Count(e => e.Label == "bird"));
        Assert.Equal(all.Test, splits.Test);
        // Nothing lost or duplicated, and both parts keep the metadata order.
        Assert.Equal(all.Train, all.Train.Where(e => splits.Train.Contains(e) || splits.Validation.Contains(e)));
        Assert.Equal(all.Train.Count, splits.Train.Count + splits.Validation.Count);
        Assert.Equal(all.Train.Where(splits.Validation.Contains), splits.Validation);
        Assert.Contains("51 train / 12 validation / 3 test", splits.Source);
    }

    [Fact]
    public void TheSeedDecidesWhichSourcesAreHeldOut()
    {
        WriteEsc50();

        Assert.Equal(Load(0.2, 5).Validation, Load(0.2, 5).Validation);
        var heldOut = Enumerable.Range(0, 4)
            .Select(seed => string.Join(",", Load(0.2, seed).Validation.Select(e => e.Source).Distinct()))
            .ToHashSet();
        Assert.True(heldOut.Count > 1, "every seed held out the same sources");
    }

    [Fact]
    public void ExamplesWithoutSourceAreHeldOutOneByOne()
    {
        for (int i = 0; i < 10; i++)
            WriteAudio(Root, $"rain/r{i}.wav", $"wind/w{i}.wav");

        var splits = AudioDatasets.Load("folders", Root, null,
            new AudioDatasetOptions { TestFraction = 0.2, ValidationFraction = 0.25 });

        Assert.Equal([("rain", 2), ("wind", 2)], splits.Validation.CountBy(e => e.Label).Select(p => (p.Key, p.Value)));
        Assert.Equal(12, splits.Train.Count);
        Assert.Equal(4, splits.Test.Count);
        Assert.Empty(splits.Validation.Intersect(splits.Test));
    }
}
