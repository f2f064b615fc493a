namespace CompactConv.Audio;

/// <summary>The file formats <see cref="AudioReader"/> decodes.</summary>
internal enum AudioContainer
{
    /// <summary>RIFF/WAVE.</summary>
    Wav,

    /// <summary>Ogg (expected to carry Vorbis).</summary>
    Ogg,
}

/// <summary>
/// Recognises a file's format from its first bytes. Extensions are not trusted: dataset
/// downloads and user folders contain renamed files, and the content is what must be decoded.
/// </summary>
internal static class AudioContainerDetector
{
    /// <summary>Reads the magic bytes at the start of <paramref name="file"/> and leaves it at position 0.</summary>
    /// <exception cref="DataException">The file is empty or neither RIFF/WAVE nor Ogg.</exception>
    public static AudioContainer Detect(Stream file, string path)
    {
        Span<byte> head = stackalloc byte[12];
        file.Position = 0;
        int got = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        if (got == 0)
            throw new DataException(path, "empty file");
        head = head[..got];
        if (Starts(head, "RIFF"u8))
        {
            if (got >= 12 && head[8..12].SequenceEqual("WAVE"u8))
                return AudioContainer.Wav;
            string form = got >= 12 ? $"'{Ascii(head[8..12])}'" : "no form type";
            throw new DataException(path, $"not a WAV or OGG file: a RIFF file with {form} instead of 'WAVE'");
        }
        if (Starts(head, "OggS"u8))
            return AudioContainer.Ogg;
        throw new DataException(path, $"not a WAV or OGG file{Recognised(head)}");
    }

    // Naming a few formats users commonly hand in saves them a trip to a hex editor.
    private static string Recognised(ReadOnlySpan<byte> head)
    {
        if (Starts(head, "RF64"u8) || Starts(head, "BW64"u8))
            return " (RF64/BW64 WAV for files over 4 GB is not supported)";
        if (Starts(head, "fLaC"u8))
            return " (it is FLAC, which is not supported)";
        if (Starts(head, "FORM"u8))
            return " (it is AIFF, which is not supported)";
        if (Starts(head, "ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
            return " (it looks like MP3, which is not supported)";
        return "";
    }

    private static bool Starts(ReadOnlySpan<byte> head, ReadOnlySpan<byte> magic) =>
        head.Length >= magic.Length && head[..magic.Length].SequenceEqual(magic);

    /// <summary>Four-character codes as text, with non-printable bytes shown as '?' so the message stays one line.</summary>
    public static string Ascii(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
            chars[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '?';
        return new string(chars);
    }
}
