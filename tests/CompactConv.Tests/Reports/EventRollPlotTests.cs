using CompactConv.Data.Events;
using CompactConv.Reports;

namespace CompactConv.Tests.Reports;

public class EventRollPlotTests
{
    [Fact]
    public void EachEventIsABarInItsClassRowAndLaneSpanningItsTimes()
    {
        using var folder = new TempFolder();
        var path = folder.File("roll.png");
        SoundEvent[] reference = [new("a.wav", 0, 2, "dog"), new("a.wav", 2.5, 3, "cat"), new("other.wav", 0, 9, "dog")];
        SoundEvent[] estimate = [new("a.wav", 1, 2.2, "dog"), new("a.wav", 4, 4, "cat")];

        EventRollPlot.WritePng(path, "a.wav", reference, estimate, ["cat", "dog", "bird"]);

        var roll = EventRollImage.Load(path);
        // 1000 x (56 x 3 classes + 200).
        Assert.Equal((1000, 368), (roll.Width, roll.Height));
        // other.wav's 9-second event is not drawn; cat's row is the top one, dog's the middle one.
        Assert.Equal(2, roll.Reference.Count);
        var (cat, dog) = (roll.Reference[0], roll.Reference[1]);
        EventRollImage.AssertSpans(cat, 2.5, 3, dog, 0, 2);
        // The zero-length cat estimate is a hairline, too thin to count as a bar; the dog estimate sits
        // in the lane under dog's reference bar, well above the empty bird row.
        var dogEstimate = Assert.Single(roll.Estimate);
        EventRollImage.AssertSpans(dogEstimate, 1, 2.2, dog, 0, 2);
        Assert.InRange(dogEstimate.Top - dog.Bottom, 1, dog.Bottom - dog.Top);
        Assert.True(cat.Bottom < dog.Top);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void AnEventOfAnUnlistedClassIsRefused()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<ArgumentException>(() =>
            EventRollPlot.WritePng(folder.File("roll.png"), "a.wav", [new("a.wav", 0, 1, "owl")], [], ["dog"]));
        Assert.Contains("'owl'", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
