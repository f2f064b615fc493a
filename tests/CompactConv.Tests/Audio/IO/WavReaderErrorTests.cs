using CompactConv.Audio;
using static CompactConv.Tests.Audio.IO.WavBytes;

namespace CompactConv.Tests.Audio.IO;

public sealed class WavReaderErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Save(byte[] bytes, string name = "bad.wav")
    {
        string path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Reading fails with exactly "path: problem".</summary>
    private static void AssertProblem(string path, string problem)
    {
        var e = Assert.Throws<DataException>(() => AudioReader.Read(path));
        Assert.Equal($"{path}: {problem}", e.Message);
        Assert.Equal(path, e.Path);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void MissingFile() => AssertProblem(_temp.File("absent.wav"), "file not found");

    [Fact]
    public void MissingFolder() =>
        AssertProblem(Path.Combine(_temp.Path, "no-such-folder", "a.wav"), "file not found (its folder does not exist)");

    [Fact]
    public void FolderInsteadOfFile() => AssertProblem(_temp.Folder("dir.wav"), "is a folder, not an audio file");

    [Fact]
    public void EmptyFile() => AssertProblem(Save([]), "empty file");

    [Fact]
    public void TextFile() => AssertProblem(Save(Ascii("filename,label\na.wav,park\n")), "not a WAV or OGG file");

    [Fact]
    public void RiffOfAnotherForm() =>
        AssertProblem(Save([.. Ascii("RIFF"), .. U32(4), .. Ascii("AVI ")]), "not a WAV or OGG file: a RIFF file with 'AVI ' instead of 'WAVE'");

    [Fact]
    public void FlacIsNamed() =>
        AssertProblem(Save([.. Ascii("fLaC"), 0, 0, 0, 34]), "not a WAV or OGG file (it is FLAC, which is not supported)");

    [Fact]
    public void MissingFmtChunk() => AssertProblem(Save(Riff(Chunk("data", Pcm16(1, 2)))), "missing fmt chunk");

    [Fact]
    public void MissingDataChunk() => AssertProblem(Save(Riff(Fmt(Pcm, 1, 8000, 16), Chunk("LIST", new byte[4]))), "missing data chunk");

    [Fact]
    public void TruncatedDataChunk()
    {
        // The header promises 2000 bytes; only 100 follow it.
        byte[] bytes = Riff(Fmt(Pcm, 1, 8000, 16), Chunk("data", new byte[100], declaredSize: 2000));

        AssertProblem(Save(bytes), "truncated: data chunk promises 2000 bytes, file has 100");
    }

    [Fact]
    public void StreamingPlaceholderSizeIsTruncation()
    {
        byte[] bytes = Riff(Fmt(Pcm, 1, 8000, 16), Chunk("data", new byte[10], declaredSize: uint.MaxValue));

        AssertProblem(Save(bytes), "truncated: data chunk promises 4294967295 bytes, file has 10");
    }

    [Fact]
    public void TruncatedFmtChunk()
    {
        byte[] whole = Simple(Pcm, 1, 8000, 16, Pcm16(1));
        // RIFF header (12) + fmt chunk header (8) + 6 of its 16 bytes.
        AssertProblem(Save(whole[..26]), "truncated: 'fmt ' chunk promises 16 bytes, file has 6");
    }

    [Fact]
    public void ShortFmtChunk() =>
        AssertProblem(Save(Riff(Chunk("fmt ", new byte[14]), Chunk("data", new byte[2]))), "fmt chunk too short: 14 bytes, need at least 16");

    [Fact]
    public void UnsupportedFormatTagIsNamed() =>
        AssertProblem(Save(Simple(0x0055, 1, 44100, 16, new byte[4])),
            "unsupported WAV format tag 0x0055 (MPEG Layer 3); supported: PCM, IEEE float, extensible");

    [Fact]
    public void UnsupportedSubFormatInsideExtensibleIsNamed() =>
        AssertProblem(Save(Riff(FmtExtensible(0x0002, 1, 44100, 16, 16), Chunk("data", new byte[4]))),
            "unsupported WAV format tag 0x0002 (Microsoft ADPCM) in WAVE_FORMAT_EXTENSIBLE; supported: PCM, IEEE float, extensible");

    [Fact]
    public void ForeignSubFormatGuidIsNamed()
    {
        var guid = Guid.Parse("01234567-89ab-cdef-0123-456789abcdef");
        byte[] bytes = Riff(FmtExtensible(guid.ToByteArray(), 1, 44100, 16, 16), Chunk("data", new byte[4]));

        AssertProblem(Save(bytes), "unsupported WAVE_FORMAT_EXTENSIBLE sub-format 01234567-89ab-cdef-0123-456789abcdef; supported: PCM, IEEE float");
    }

    [Fact]
    public void UnsupportedPcmBitDepth() =>
        AssertProblem(Save(Simple(Pcm, 1, 8000, 12, new byte[4], blockAlign: 2)), "unsupported bit depth: 12-bit PCM; supported: 8, 16, 24, 32");

    [Fact]
    public void UnsupportedFloatBitDepth() =>
        AssertProblem(Save(Simple(Float, 1, 8000, 16, new byte[4])), "unsupported bit depth: 16-bit IEEE float; supported: 32, 64");

    [Fact]
    public void ZeroChannels() => AssertProblem(Save(Simple(Pcm, 0, 8000, 16, new byte[4])), "zero channels in fmt chunk");

    [Fact]
    public void ZeroSampleRate() => AssertProblem(Save(Simple(Pcm, 1, 0, 16, new byte[4])), "zero sample rate in fmt chunk");

    [Fact]
    public void InconsistentBlockAlign() =>
        AssertProblem(Save(Simple(Pcm, 2, 8000, 16, new byte[8], blockAlign: 2)),
            "block align 2 does not match 2 channel(s) of 16-bit samples (expected 4)");

    [Fact]
    public void EmptyDataChunk() =>
        AssertProblem(Save(Simple(Pcm, 2, 8000, 16, [])), "no audio: data chunk holds 0 bytes, less than one 4-byte frame");

    [Fact]
    public void NonFiniteFloatSample() =>
        AssertProblem(Save(Simple(Float, 2, 8000, 32, Float32(0f, 0f, 0f, float.PositiveInfinity))),
            "sample 1 of channel 1 is Infinity, not a finite number");

    [Fact]
    public void NaNInFloat64() =>
        AssertProblem(Save(Simple(Float, 1, 8000, 64, Float64(0.5, double.NaN))), "sample 1 of channel 0 is NaN, not a finite number");

    [Fact]
    public void ChunkRunningPastTheEndBeforeTheData()
    {
        byte[] bytes = Riff(Fmt(Pcm, 1, 8000, 16), Chunk("LIST", new byte[10], declaredSize: 500));

        AssertProblem(Save(bytes), "missing data chunk: 'LIST' chunk promises 500 bytes, file has 10");
    }
}
