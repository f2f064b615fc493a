using static TorchSharp.torch;

namespace CompactConv.Audio.Features;

/// <summary>librosa.power_to_db on batched tensors (the tensor extractor's, until it goes).</summary>
internal static class TensorDecibels
{
    /// <summary>
    /// 10 * log10(max(amin, S)) - 10 * log10(max(amin, ref)), then, if <paramref name="topDb"/> is set,
    /// every value below (that example's maximum - topDb) is raised to it. Examples are along dim 0
    /// and the maximum is taken over all other dims, as one librosa call per example would do; a
    /// 1-D tensor is one example.
    /// </summary>
    public static Tensor PowerToDb(Tensor power, double reference, double amin, double? topDb)
    {
        if (!(amin > 0)) throw new ArgumentException($"amin must be positive, got {amin}");
        if (topDb is < 0) throw new ArgumentException($"top_db must be 0 or more, got {topDb}");
        if (power.dim() < 1) throw new ArgumentException($"power_to_db needs a batch dim, got a tensor of shape [{string.Join(", ", power.shape)}]");

        using var scope = NewDisposeScope();
        var offset = 10.0 * Math.Log10(Math.Max(amin, reference));
        var db = power.clamp_min(amin);
        // The clamp made a fresh tensor, so the rest can work in place on it.
        db.log10_().mul_(10.0).sub_(offset);
        if (topDb is { } range && power.dim() > 1)
        {
            var dims = Enumerable.Range(1, (int)power.dim() - 1).Select(d => (long)d).ToArray();
            var floor = db.amax(dims, keepdim: true).sub_(range);
            db = maximum(db, floor);
        }
        else if (topDb is { } r)
        {
            db = maximum(db, db.max().sub_(r));
        }
        return db.MoveToOuterDisposeScope();
    }
}
