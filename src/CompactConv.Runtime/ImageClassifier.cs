namespace CompactConv.Runtime;

/// <summary>
/// Classifies images with an exported image model. It takes pixels, not image files: decoding PNG or JPEG
/// would add an imaging library and its native code to every user of this package, and the caller usually
/// holds decoded pixels already.
/// </summary>
public sealed class ImageClassifier : IDisposable
{
    private readonly DeployedModel _model;

    private ImageClassifier(DeployedModel model)
    {
        _model = model;
        Channels = model.InputShape[1];
        Height = model.InputShape[2];
        Width = model.InputShape[3];
    }

    /// <summary>Colour channels the model takes (1 grey, 3 RGB).</summary>
    public int Channels { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>The model's class names.</summary>
    public IReadOnlyList<string> ClassNames => _model.ClassNames;

    /// <summary>Opens an exported image model.</summary>
    /// <exception cref="DataException">The file is not an exported image model; names the file and what is wrong.</exception>
    public static ImageClassifier Open(string path, DeployedModelOptions? options = null) => new(DeployedModel.OpenFor(path, "image", options));

    /// <summary>The classifier of an opened image model, which then belongs to it (refused, and left to the caller, when it is another task's).</summary>
    public static ImageClassifier For(DeployedModel model) => new(model.RequireTask("image"));

    /// <summary>
    /// Classifies one image given as channel-major float pixels [C, H, W] in [0, 1] (pixel value / 255): the
    /// run's per-channel normalisation is inside the model.
    /// </summary>
    public Classification Classify(ReadOnlySpan<float> pixels)
    {
        int expected = Channels * Height * Width;
        if (pixels.Length != expected)
            throw new ArgumentException($"the model takes {Channels}x{Height}x{Width} = {expected} pixel values (channel-major), got {pixels.Length}");
        var (logits, _) = _model.Run(pixels.ToArray(), [1, Channels, Height, Width]);
        return Classification.FromProbabilities(Softmax.Of(logits), ClassNames);
    }

    /// <summary>Classifies one image given as channel-major bytes [C, H, W] of 0..255.</summary>
    public Classification Classify(ReadOnlySpan<byte> pixels)
    {
        var scaled = new float[pixels.Length];
        for (int i = 0; i < scaled.Length; i++) scaled[i] = pixels[i] / 255f;
        return Classify(scaled);
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();
}
