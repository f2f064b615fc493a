namespace CompactConv.Audio.Features;

/// <summary>Scaling of each triangular mel filter.</summary>
public enum MelNorm
{
    /// <summary>Area normalisation: filter m is scaled by 2 / (f[m+2] - f[m]), so every filter has the same area (librosa's norm="slaney", the default).</summary>
    Slaney,

    /// <summary>Every triangle peaks at 1 (librosa's norm=None).</summary>
    None,
}
