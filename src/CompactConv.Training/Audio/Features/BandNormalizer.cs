using System.Text.Json;
using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace CompactConv.Audio.Features;

/// <summary>
/// Per-mel-band standardisation, (x - mean[m]) / std[m], with the statistics taken over every frame
/// of the training examples only, so that nothing about the test split leaks into the inputs.
/// Serialisable to JSON for a run's config.json.
/// </summary>
public sealed record BandNormalizer
{
    /// <summary>
    /// Bands whose training std is below this are only centred (their std is stored as 1): a band that
    /// never varied in training (e.g. one pinned at the top_db floor) carries no scale, and dividing by
    /// ~0 would turn any variation at test time into huge inputs.
    /// </summary>
    public const double MinStd = 1e-6;

    /// <summary>Creates a normaliser from per-band statistics (equal lengths, finite, std positive).</summary>
    [JsonConstructor]
    public BandNormalizer(double[] mean, double[] std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length == 0) throw new ArgumentException("band normaliser needs at least one band");
        if (mean.Length != std.Length) throw new ArgumentException($"band normaliser has {mean.Length} means but {std.Length} stds");
        if (mean.Any(v => !double.IsFinite(v))) throw new ArgumentException("band normaliser means must be finite");
        if (std.Any(v => !double.IsFinite(v) || v <= 0)) throw new ArgumentException("band normaliser stds must be finite and positive");
        Mean = mean;
        Std = std;
    }

    /// <summary>Mean of each mel band over all training frames.</summary>
    public double[] Mean { get; }

    /// <summary>Population standard deviation of each band over all training frames (1 for bands below <see cref="MinStd"/>).</summary>
    public double[] Std { get; }

    /// <summary>Number of mel bands.</summary>
    [JsonIgnore]
    public int Bands => Mean.Length;

    /// <summary>
    /// Statistics over every frame of <paramref name="features"/> (each [NMels, Frames], frames may
    /// differ). Pass the training split only. Accumulates in double precision, merging per-example
    /// means and squared deviations (Chan et al.) so that the variance does not suffer the
    /// cancellation of sum(x^2) - n mean^2 on dB values far from 0.
    /// </summary>
    public static BandNormalizer Fit(IEnumerable<Tensor> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        double[]? mean = null, m2 = null;
        long count = 0;
        int index = 0;
        foreach (var example in features)
        {
            if (example.dim() != 2)
                throw new ArgumentException($"example {index} must be [mels, frames], got shape [{string.Join(", ", example.shape)}]");
            int bands = (int)example.shape[0];
            long frames = example.shape[1];
            mean ??= new double[bands];
            m2 ??= new double[bands];
            if (bands != mean.Length) throw new ArgumentException($"example {index} has {bands} mel bands, earlier ones {mean.Length}");
            if (frames > 0)
            {
                using var scope = NewDisposeScope();
                var x = example.detach().to_type(ScalarType.Float64).cpu();
                var exampleMean = x.mean([1], keepdim: true);
                var exampleM2 = (x - exampleMean).square().sum(1).data<double>().ToArray();
                var means = exampleMean.data<double>().ToArray();
                long total = count + frames;
                for (int b = 0; b < bands; b++)
                {
                    double delta = means[b] - mean[b];
                    mean[b] += delta * frames / total;
                    m2[b] += exampleM2[b] + delta * delta * ((double)count * frames / total);
                }
                count = total;
            }
            index++;
        }
        if (mean is null || m2 is null || count == 0) throw new ArgumentException("band normaliser needs at least one training frame");
        var std = m2.Select(v => Math.Sqrt(v / count)).Select(s => s < MinStd ? 1.0 : s).ToArray();
        return new BandNormalizer(mean, std);
    }

    /// <summary>(x - mean) / std per band, for x of shape [NMels, F] or [B, NMels, F]; a new tensor of x's type.</summary>
    public Tensor Apply(Tensor x)
    {
        if (x.dim() is not (2 or 3) || x.shape[^2] != Bands)
            throw new ArgumentException($"expected [{Bands}, frames] or [batch, {Bands}, frames], got shape [{string.Join(", ", x.shape)}]");
        using var scope = NewDisposeScope();
        var mean = tensor(Mean, [Bands, 1]).to(x.dtype, x.device);
        var std = tensor(Std, [Bands, 1]).to(x.dtype, x.device);
        return ((x - mean) / std).MoveToOuterDisposeScope();
    }

    /// <summary>Compact JSON: {"mean": [...], "std": [...]}.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, FeatureJson.Options);

    /// <summary>Reads JSON written by <see cref="ToJson"/>; throws <see cref="ArgumentException"/> when malformed.</summary>
    public static BandNormalizer FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<BandNormalizer>(json, FeatureJson.Options)
                ?? throw new ArgumentException("band normaliser JSON is null");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"malformed band normaliser JSON: {e.Message}", e);
        }
    }
}
