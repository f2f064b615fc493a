using System.Text.Json;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Training;

namespace CompactConv.Tests.Models;

/// <summary>The spec carries the whole conv options record into the models and config.json, and still reads older configs.</summary>
public class ModelSpecTests
{
    // Every field away from its default, so a field that is dropped anywhere on the way comes back different.
    private static readonly ConvOptions Unusual = new()
    {
        R = 4,
        Op = ChannelPoolOp.LogSumExp,
        Grouping = ChannelGrouping.Interleaved,
        NormAfterDepthwise = false,
        ActivateAfterDepthwise = false,
        NormAtOutput = false,
        Activation = ActivationKind.ReLU6,
        OutputActivation = ActivationKind.None,
        ShuffleGroups = 8,
        GhostRatio = 3,
        GhostCheapKernel = 5,
    };

    // A config.json as runs wrote it before the options record was saved whole.
    private const string OldCompactConfig = """
            {
              "task": "image",
              "dataset": "mnist",
              "model": {
                "name": "smallcnn",
                "conv": "compact",
                "r": 4,
                "op": "mean",
                "grouping": "interleaved",
                "width": 0.5,
                "input_shape": [1, 28, 28],
                "num_classes": 10
              },
              "class_names": ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
              "normalization": { "mean": [0.1307], "std": [0.3081] },
              "training": {}
            }
            """;

    private static ModelSpec Spec(ConvKind kind, ConvOptions options) =>
        new() { Name = "smallcnn", Conv = kind, ConvOptions = options, InputShape = [1, 28, 28], NumClasses = 10 };

    private static long Params(ModelSpec spec)
    {
        using var model = ModelRegistry.Create(spec);
        return model.parameters().Sum(p => p.numel());
    }

    [Fact]
    public void EveryConvOption_SurvivesConfigJson()
    {
        var spec = Spec(ConvKind.Compact, Unusual);
        var json = JsonSerializer.Serialize(spec, RunConfig.JsonOptions);
        var read = JsonSerializer.Deserialize<ModelSpec>(json, RunConfig.JsonOptions)!;
        Assert.Equal(Unusual, read.ConvOptions);
        Assert.Equal(ConvKind.Compact, read.Conv);
    }

    [Fact]
    public void ConfigJson_WritesTheOptionsOnce_InsideConvOptions()
    {
        var model = JsonDocument.Parse(JsonSerializer.Serialize(Spec(ConvKind.Compact, Unusual), RunConfig.JsonOptions)).RootElement;
        Assert.False(model.TryGetProperty("r", out _));
        Assert.False(model.TryGetProperty("op", out _));
        Assert.False(model.TryGetProperty("grouping", out _));
        var options = model.GetProperty("conv_options");
        Assert.Equal(4, options.GetProperty("r").GetInt32());
        Assert.Equal("logsumexp", options.GetProperty("op").GetString());
        Assert.Equal("relu6", options.GetProperty("activation").GetString());
        Assert.Equal(5, options.GetProperty("ghost_cheap_kernel").GetInt32());
    }

    [Fact]
    public void OldConfigJson_WithROpGroupingBesideTheKind_StillLoads()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("config.json"), OldCompactConfig);

        var model = RunConfig.Load(folder.File("config.json")).Model;

        Assert.Equal(ConvOptions.Default with { R = 4, Op = ChannelPoolOp.Mean, Grouping = ChannelGrouping.Interleaved }, model.ConvOptions);
        Assert.Equal(0.5, model.Width);
        Assert.Equal("compact(mean, r=4)", model.ConvLabel);
    }

    [Fact]
    public void OldConfig_ResumesWithTheSameOptions_AndRefusesAnotherR_NamingIt()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("config.json"), OldCompactConfig);
        var saved = RunConfig.Load(folder.File("config.json"));
        var same = saved with
        {
            Model = saved.Model with { ConvOptions = ConvOptions.Default with { R = 4, Op = ChannelPoolOp.Mean, Grouping = ChannelGrouping.Interleaved } },
        };
        ResumeCheck.Compare(saved, same, folder.Path);

        var otherR = same with { Model = same.Model with { ConvOptions = same.Model.ConvOptions with { R = 2 } } };
        var e = Assert.Throws<ArgumentException>(() => ResumeCheck.Compare(saved, otherR, folder.Path));
        Assert.Contains("was trained with r=4; these options ask for r=2", e.Message);
    }

    [Fact]
    public void OldStandardConfig_WithoutROpGrouping_KeepsTheDefaults()
    {
        var model = JsonSerializer.Deserialize<ModelSpec>(
            """{ "name": "smallcnn", "conv": "standard", "width": 1, "input_shape": [1, 28, 28], "num_classes": 10 }""",
            RunConfig.JsonOptions)!;
        Assert.Equal(ConvOptions.Default, model.ConvOptions);
        Assert.Equal("standard", model.ConvLabel);
    }

    [Fact]
    public void OptionsBeyondROpGrouping_ReachTheModel()
    {
        // smallcnn's five compact blocks have depth-wise convs over 32, 32, 64, 64 and 128 channels; without
        // BatchNorm after them each loses 2 x channels of scale and shift and gains a bias of 1 x channels.
        long withNorm = Params(Spec(ConvKind.Compact, ConvOptions.Default));
        long withoutNorm = Params(Spec(ConvKind.Compact, ConvOptions.Default with { NormAfterDepthwise = false }));
        Assert.Equal((2 - 1) * (32 + 32 + 64 + 64 + 128), withNorm - withoutNorm);
    }
}
