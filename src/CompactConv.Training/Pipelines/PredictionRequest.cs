using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>What every pipeline's predict (or detect) step takes: a run folder and the files to run it on.</summary>
public sealed record PredictionRequest
{
    /// <summary>The run folder whose model predicts.</summary>
    public required string RunFolder { get; init; }

    /// <summary>The input files: images (PNG, JPEG, IDX) or audio (WAV, OGG), by task.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The best epoch's weights (chosen on validation data) instead of the last epoch's.</summary>
    public bool Best { get; init; }

    /// <summary>The device the model runs on; the CPU when null.</summary>
    public Device? Device { get; init; }
}
