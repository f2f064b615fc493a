namespace CompactConv.Audio.Features;

/// <summary>How the signal is extended by n_fft/2 samples at each end when frames are centred.</summary>
public enum PadMode
{
    /// <summary>Zeros: librosa's default since 0.10.</summary>
    Constant,

    /// <summary>Mirror the signal without repeating the edge sample (librosa before 0.10, numpy's "reflect").</summary>
    Reflect,
}
