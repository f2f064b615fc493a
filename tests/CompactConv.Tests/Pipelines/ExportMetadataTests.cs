using System.Globalization;
using System.Text.Json;
using CompactConv.Audio.Features;
using CompactConv.Deployment;
using CompactConv.Events;
using CompactConv.Pipelines;
using CompactConv.Tests.Training;
using CompactConv.Training;

namespace CompactConv.Tests.Pipelines;

public class ExportMetadataTests
{
    [Fact]
    public void AnImageModelDescribesItsClassesPixelsAndChannelStatistics()
    {
        var config = SyntheticImages.Config(epochs: 1) with { Normalization = new Normalization([0.25], [0.5]) };

        var metadata = ExportMetadata.For(config, "pixels");

        Assert.Equal("image", metadata[ModelMetadataKeys.Task]);
        Assert.Equal(config.ClassNames, JsonSerializer.Deserialize<string[]>(metadata[ModelMetadataKeys.Classes]));
        Assert.StartsWith("pixels: float32 [N, 1, 28, 28], pixel values / 255", metadata[ModelMetadataKeys.Input]);
        using var statistics = JsonDocument.Parse(metadata[ModelMetadataKeys.ChannelStatistics]);
        Assert.Equal(0.25, statistics.RootElement.GetProperty("mean")[0].GetDouble());
        Assert.Equal(0.5, statistics.RootElement.GetProperty("std")[0].GetDouble());
        Assert.False(metadata.ContainsKey(ModelMetadataKeys.Features));
        Assert.False(metadata.ContainsKey(ModelMetadataKeys.PostProcessing));
        Assert.All(metadata.Keys, key => Assert.StartsWith(ModelMetadataKeys.Prefix, key));
    }

    [Fact]
    public void AnEventModelCarriesItsFrontEndPostProcessingAndFrameStep()
    {
        var features = new LogMelOptions { SampleRate = 16000, NFft = 512, HopLength = 160, NMels = 40 };
        var post = new PostProcessingOptions { Threshold = 0.3, MedianFilterSeconds = 0.2, MinEventSeconds = 0.1, MinGapSeconds = 0.05 };
        var config = SyntheticImages.Config(epochs: 1) with
        {
            Task = "events",
            Features = features,
            PostProcessing = post,
            Normalization = new Normalization(new double[40], Enumerable.Repeat(1.0, 40).ToArray()),
            Model = SyntheticImages.Config(epochs: 1).Model with { Name = "crnn", InputShape = [1, 40, 100] },
        };

        var metadata = ExportMetadata.For(config, "log_mel");

        Assert.Equal("events", metadata[ModelMetadataKeys.Task]);
        Assert.StartsWith("log_mel: float32 [N, 1, 40, frames], log-mel power in dB", metadata[ModelMetadataKeys.Input]);
        Assert.Equal(features, JsonSerializer.Deserialize<LogMelOptions>(metadata[ModelMetadataKeys.Features], RunConfig.JsonOptions));
        Assert.Equal(post, JsonSerializer.Deserialize<PostProcessingOptions>(metadata[ModelMetadataKeys.PostProcessing], RunConfig.JsonOptions));
        // 160 samples at 16 kHz.
        Assert.Equal(0.01, double.Parse(metadata[ModelMetadataKeys.FrameSeconds], CultureInfo.InvariantCulture), 12);
        Assert.True(metadata.ContainsKey(ModelMetadataKeys.BandStatistics));
        Assert.False(metadata.ContainsKey(ModelMetadataKeys.ChannelStatistics));
    }
}
