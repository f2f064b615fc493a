using CompactConv.Data.Events;
using CompactConv.Reports;

namespace CompactConv.Tests.Reports;

public class EventRollPlotTests
{
    [Fact]
    public void EventRollIsAPngImageOfPlausibleSize()
    {
        using var folder = new TempFolder();
        var path = folder.File("roll.png");
        SoundEvent[] reference = [new("a.wav", 0, 2, "dog"), new("a.wav", 2.5, 3, "cat"), new("other.wav", 0, 9, "dog")];
        SoundEvent[] estimate = [new("a.wav", 1, 2.2, "dog"), new("a.wav", 4, 4, "cat")];

        EventRollPlot.WritePng(path, "a.wav", reference, estimate, ["cat", "dog", "bird"]);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        // The IHDR chunk holds width and height, big-endian: 1000 x (56 x 3 classes + 200).
        Assert.Equal(1000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(368, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.InRange(bytes.Length, 5_000, 2_000_000);
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
