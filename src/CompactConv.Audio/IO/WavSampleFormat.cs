namespace CompactConv.Audio;

/// <summary>The sample encodings <see cref="WavWriter"/> writes.</summary>
public enum WavSampleFormat
{
    /// <summary>16-bit integer PCM (CD quality; what most tools expect).</summary>
    Pcm16,

    /// <summary>24-bit integer PCM.</summary>
    Pcm24,

    /// <summary>32-bit IEEE float: no clipping, no quantisation beyond float precision.</summary>
    Float32,
}
