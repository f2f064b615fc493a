using CompactConv.Audio.Features;

namespace CompactConv.Runtime;

/// <summary>
/// Classifies audio files with an exported scene model: the file is read, mixed to mono, resampled and turned
/// into log-mel with the front end the model's metadata describes (the training one), then classified as
/// training's evaluation does: a clip shorter than the model's input is padded with the band means, a longer
/// one is cut into consecutive crops of the model's width (the last aligned to the end) whose probabilities
/// are averaged.
/// </summary>
public sealed class SceneClassifier : IDisposable
{
    private readonly DeployedModel _model;
    private readonly LogMelSpectrogram _frontEnd;

    private SceneClassifier(DeployedModel model)
    {
        _model = model;
        _frontEnd = new LogMelSpectrogram(model.Features!);
        Frames = model.InputShape[3];
    }

    /// <summary>The model's input width in frames; -1 when the graph takes any width (then each clip runs whole).</summary>
    public int Frames { get; }

    /// <summary>The front end the model was trained on.</summary>
    public LogMelOptions Features => _frontEnd.Options;

    /// <summary>The model's class names.</summary>
    public IReadOnlyList<string> ClassNames => _model.ClassNames;

    /// <summary>Opens an exported scene model.</summary>
    /// <exception cref="DataException">The file is not an exported scene model; names the file and what is wrong.</exception>
    public static SceneClassifier Open(string path, DeployedModelOptions? options = null) => new(DeployedModel.OpenFor(path, "scenes", options));

    /// <summary>The classifier of an opened scene model, which then belongs to it (refused, and left to the caller, when it is another task's).</summary>
    public static SceneClassifier For(DeployedModel model) => new(model.RequireTask("scenes"));

    /// <summary>Classifies the WAV or OGG file at <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The file cannot be decoded or is too short for one frame; names it.</exception>
    public Classification ClassifyFile(string path) => Classify(_frontEnd.ComputeFile(path));

    /// <summary>Classifies one clip's log-mel [mels, frames] in dB, as <see cref="Features"/> computes it (not normalised).</summary>
    public Classification Classify(float[,] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        int mels = Features.NMels, clipFrames = logMel.GetLength(1);
        if (logMel.GetLength(0) != mels) throw new ArgumentException($"the model takes {mels} mel bands, got {logMel.GetLength(0)}");
        int crop = Frames > 0 ? Frames : clipFrames;
        int length = Math.Max(crop, clipFrames);
        var starts = CropStarts(length, crop);
        var input = new float[starts.Count * mels * crop];
        var mean = _model.BandMean!;
        for (int s = 0; s < starts.Count; s++)
        {
            for (int m = 0; m < mels; m++)
            {
                int row = (s * mels + m) * crop;
                for (int t = 0; t < crop; t++)
                {
                    int frame = starts[s] + t;
                    input[row + t] = frame < clipFrames ? logMel[m, frame] : (float)mean[m];
                }
            }
        }
        var (logits, shape) = _model.Run(input, [starts.Count, 1, mels, crop]);
        int classes = shape[1];
        var average = new float[classes];
        for (int s = 0; s < starts.Count; s++)
        {
            var p = Softmax.Of(logits.AsSpan(s * classes, classes));
            for (int c = 0; c < classes; c++) average[c] += p[c];
        }
        for (int c = 0; c < classes; c++) average[c] /= starts.Count;
        return Classification.FromProbabilities(average, ClassNames);
    }

    /// <summary>Starts of consecutive crops of <paramref name="crop"/> frames covering <paramref name="length"/> frames, the last aligned to the end.</summary>
    public static IReadOnlyList<int> CropStarts(int length, int crop)
    {
        if (crop < 1) throw new ArgumentException($"crop must be 1 frame or more, got {crop}");
        if (length <= crop) return [0];
        var starts = new List<int>();
        for (int s = 0; s + crop <= length; s += crop) starts.Add(s);
        if (starts[^1] + crop < length) starts.Add(length - crop);
        return starts;
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();
}
