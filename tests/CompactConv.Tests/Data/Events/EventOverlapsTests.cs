using CompactConv.Data.Events;

namespace CompactConv.Tests.Data.Events;

public class EventOverlapsTests
{
    private static SoundEvent E(string file, double onset, double offset, string label) => new(file, onset, offset, label);

    [Fact]
    public void ChainsOfOverlappingSameLabelEventsBecomeOneEventPerFile()
    {
        var list = new EventList(["f", "g", "h"],
        [
            E("f", 2, 3, "dog"), E("f", 0, 1, "dog"), E("f", 0.5, 2.2, "dog"),  // a chain 0-1, 0.5-2.2, 2-3 (listed out of order)
            E("f", 0.5, 0.8, "cat"),                                           // another label may overlap
            E("f", 3, 4, "dog"),                                               // touching 2-3: stays apart
            E("g", 1, 5, "dog"), E("g", 2, 2, "dog"),                           // a zero-length event inside another
            E("g", 0, 1, "dog"),                                               // same times as f's, other file
        ]);

        var merged = EventOverlaps.Merge(list);

        Assert.Equal(["f", "g", "h"], merged.Files);
        Assert.Equal(
        [
            E("f", 0, 3, "dog"), E("f", 0.5, 0.8, "cat"), E("f", 3, 4, "dog"),
            E("g", 0, 1, "dog"), E("g", 1, 5, "dog"),
        ], merged.Events);
        // Merging a merged list changes nothing, order included.
        Assert.Equal(merged.Events, EventOverlaps.Merge(merged).Events);
    }

    [Fact]
    public void FindFirstNamesAnOverlappingPairOrNothing()
    {
        Assert.Null(EventOverlaps.FindFirst([E("f", 0, 1, "dog"), E("f", 1, 2, "dog"), E("f", 0, 2, "cat"), E("g", 0.5, 1, "dog")]));
        Assert.Equal((E("g", 0, 1, "dog"), E("g", 0.5, 1.5, "dog")),
            EventOverlaps.FindFirst([E("f", 0, 1, "dog"), E("g", 0.5, 1.5, "dog"), E("g", 0, 1, "dog")]));
        // Two identical events overlap each other.
        Assert.NotNull(EventOverlaps.FindFirst([E("f", 0, 1, "dog"), E("f", 0, 1, "dog")]));
    }
}
