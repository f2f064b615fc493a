namespace CompactConv.Audio.Features;

/// <summary>The Hz-to-mel mapping that spaces the filter centres.</summary>
public enum MelScale
{
    /// <summary>Slaney's Auditory Toolbox scale: linear below 1 kHz, logarithmic above (librosa's default, htk=False).</summary>
    Slaney,

    /// <summary>HTK's scale, 2595 * log10(1 + f / 700) (librosa's htk=True).</summary>
    Htk,
}
