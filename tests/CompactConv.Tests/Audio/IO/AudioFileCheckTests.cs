using CompactConv.Audio;
using static CompactConv.Tests.Audio.IO.WavBytes;

namespace CompactConv.Tests.Audio.IO;

public sealed class AudioFileCheckTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Save(string name, byte[] bytes)
    {
        string path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string OggFixture => Path.Combine(AppContext.BaseDirectory, "Audio", "IO", "Fixtures", "sine440-22050hz-mono-0.5s.ogg");

    [Fact]
    public void ListsEveryBadFileInOrderAndPassesGoodOnes()
    {
        string good = Save("good.wav", Simple(Pcm, 2, 44100, 24, new byte[600]));
        string truncated = Save("truncated.wav", Riff(Fmt(Pcm, 1, 8000, 16), Chunk("data", new byte[10], declaredSize: 1000)));
        string text = Save("notes.wav", Ascii("hello"));
        string missing = _temp.File("missing.wav");
        string empty = Save("empty.ogg", []);
        string mp3Tag = Save("mp3.wav", Simple(0x0055, 1, 44100, 16, new byte[4]));
        string corruptOgg = Save("corrupt.ogg", [.. "OggS"u8, .. new byte[200]]);

        var problems = AudioFileCheck.Check([good, truncated, text, OggFixture, missing, empty, mp3Tag, corruptOgg]);

        Assert.Equal(6, problems.Count);
        Assert.Equal((truncated, "truncated: data chunk promises 1000 bytes, file has 10"), problems[0]);
        Assert.Equal((text, "not a WAV or OGG file"), problems[1]);
        Assert.Equal((missing, "file not found"), problems[2]);
        Assert.Equal((empty, "empty file"), problems[3]);
        Assert.Equal((mp3Tag, "unsupported WAV format tag 0x0055 (MPEG Layer 3); supported: PCM, IEEE float, extensible"), problems[4]);
        Assert.Equal(corruptOgg, problems[5].Path);
        Assert.StartsWith("corrupt OGG Vorbis data: cannot read the stream headers (NVorbis: ", problems[5].Problem);
    }

    [Fact]
    public void ReportsTheSameProblemTextAsTheReader()
    {
        string[] bad =
        [
            Save("a.wav", Riff(Chunk("data", new byte[2]))),
            Save("b.wav", Simple(Pcm, 0, 8000, 16, new byte[2])),
            Save("c.wav", Simple(Float, 1, 8000, 16, new byte[2])),
            Save("d.wav", Simple(Pcm, 1, 8000, 16, [])),
        ];

        var problems = AudioFileCheck.Check(bad);

        Assert.Equal(bad, problems.Select(p => p.Path));
        foreach (var (path, problem) in problems)
            Assert.Equal($"{path}: {problem}", Assert.Throws<DataException>(() => AudioReader.Read(path)).Message);
    }

    [Fact]
    public void AllGoodGivesAnEmptyList()
    {
        string a = Save("a.wav", Simple(Float, 1, 16000, 64, Float64(0.1, 0.2)));
        string b = Save("b.wav", Riff(FmtExtensible(Pcm, 4, 48000, 32, 32), Chunk("data", new byte[32])));

        Assert.Empty(AudioFileCheck.Check([a, b, OggFixture]));
    }

    [Fact]
    public void ReadsHeadersOnly()
    {
        // A float file whose samples are NaN passes the header check; only decoding finds the NaN.
        string nan = Save("nan.wav", Simple(Float, 1, 8000, 32, Float32(float.NaN)));

        Assert.Empty(AudioFileCheck.Check([nan]));
        Assert.Throws<DataException>(() => AudioReader.Read(nan));
    }

    [Fact]
    public void EmptyPathIsReportedNotThrown()
    {
        var problems = AudioFileCheck.Check([""]);

        Assert.Equal([("", "empty file name")], problems);
    }
}
