namespace CompactConv.Tests.Cli;

public class SummaryCrnnTests
{
    [Fact]
    public void SummaryOfCompactCrnnListsTheGruAndConvolutionParameters()
    {
        var result = CliHarness.Run("summary", "--model", "crnn", "--conv", "compact", "--input", "1x64x431", "--classes", "10");
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains(lines, l => l.StartsWith("gru ", StringComparison.Ordinal) && l.Contains("431x128") && l.Contains("31,776,768"));
        // 704 (standard stem) + 5,056 + 9,856 (compact blocks 2 and 3): see CrnnTests for the hand count.
        Assert.Equal("Convolution parameters (convolutions and their BatchNorms): 15,616", lines[^2]);
        Assert.Matches(@"^params=\d+ macs=\d+$", lines[^1]);
    }
}
