namespace CompactConv.Audio;

/// <summary>The format tags of the WAV 'fmt ' chunk that matter here, and names for error messages.</summary>
internal static class WavFormatTags
{
    /// <summary>Integer PCM.</summary>
    public const ushort Pcm = 0x0001;

    /// <summary>IEEE floating point.</summary>
    public const ushort IeeeFloat = 0x0003;

    /// <summary>WAVE_FORMAT_EXTENSIBLE: the real format is a GUID in the extension.</summary>
    public const ushort Extensible = 0xFFFE;

    /// <summary>
    /// The last 14 bytes shared by every KSDATAFORMAT_SUBTYPE GUID derived from a classic format tag
    /// (as stored in the file: the tag is the first two bytes, then 00 00 00 00 10 00 80 00 00 AA 00 38 9B 71).
    /// </summary>
    public static ReadOnlySpan<byte> SubFormatTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>" (name)" for tags users meet in the wild, "" otherwise.</summary>
    public static string Describe(ushort tag) => tag switch
    {
        0x0002 => " (Microsoft ADPCM)",
        0x0006 => " (A-law)",
        0x0007 => " (mu-law)",
        0x0011 => " (IMA ADPCM)",
        0x0031 => " (GSM 6.10)",
        0x0050 => " (MPEG)",
        0x0055 => " (MPEG Layer 3)",
        0x00FF => " (AAC)",
        0x2000 => " (AC-3)",
        _ => "",
    };
}
