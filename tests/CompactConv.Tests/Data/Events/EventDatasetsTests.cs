using CompactConv.Data.Events;

namespace CompactConv.Tests.Data.Events;

public sealed class EventDatasetsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void NamesAndOptionsAreChecked()
    {
        Assert.Equal(["urbansed", "desed", "tsv"], EventDatasets.Names);
        var unknown = Assert.Throws<ArgumentException>(() => EventDatasets.Load("dcase", _temp.Path));
        Assert.Equal("unknown event dataset 'dcase'; choose one of urbansed, desed, tsv", unknown.Message);
        foreach (double fraction in new[] { -0.1, 1.0, double.NaN })
            Assert.Throws<ArgumentException>(() => EventDatasets.Load("tsv", _temp.Path, new EventDatasetOptions { HoldOutFraction = fraction }));
        var files = new EventDatasetOptions { SplitFiles = [new EventSplitFile(EventSplit.Train, "a.tsv", "audio")] };
        Assert.Equal("split files do not apply to urbansed; its split is given by its folders",
            Assert.Throws<ArgumentException>(() => EventDatasets.Load("urbansed", _temp.Path, files)).Message);
        Assert.Throws<ArgumentException>(() => EventDatasets.Load("tsv", _temp.Path, new EventDatasetOptions { SplitFiles = [] }));
        Assert.Throws<ArgumentException>(() => EventDatasets.Load("tsv", ""));
        string missing = Path.Combine(_temp.Path, "nowhere");
        var notFound = Assert.Throws<DataException>(() => EventDatasets.Load("desed", missing));
        Assert.Equal($"{missing}: dataset folder not found", notFound.Message);
    }
}
