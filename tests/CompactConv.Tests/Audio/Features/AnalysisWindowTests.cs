using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

public class AnalysisWindowTests
{
    [Fact]
    public void PeriodicHann_OfFour_IsZeroHalfOneHalf()
    {
        // 0.5 - 0.5 cos(2 pi n / 4): n = 0..3 -> 0, 0.5, 1, 0.5 (periodic: no trailing zero).
        var w = AnalysisWindow.Create(new LogMelOptions { NFft = 4 });
        Assert.Equal([0f, 0.5f, 1f, 0.5f], w.Select(v => MathF.Round(v, 6)).ToArray());
    }

    [Fact]
    public void PeriodicHamming_OfFour()
    {
        // 0.54 - 0.46 cos(2 pi n / 4) -> 0.08, 0.54, 1.00, 0.54
        var w = AnalysisWindow.Create(new LogMelOptions { NFft = 4, Window = WindowFunction.Hamming });
        Assert.Equal([0.08f, 0.54f, 1f, 0.54f], w.Select(v => MathF.Round(v, 6)).ToArray());
    }

    [Fact]
    public void ShorterWindow_IsCentredInNFftWithZeros()
    {
        // Window of 4 in n_fft 8 starts at (8 - 4) / 2 = 2.
        var w = AnalysisWindow.Create(new LogMelOptions { NFft = 8, WinLength = 4 });
        Assert.Equal([0f, 0f, 0f, 0.5f, 1f, 0.5f, 0f, 0f], w.Select(v => MathF.Round(v, 6)).ToArray());
    }
}
