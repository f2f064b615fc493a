using CompactConv.Audio;

namespace CompactConv.Tests.Audio.IO;

public sealed class AudioDurationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1234, 1000, 1, WavSampleFormat.Pcm16, 1.234)]
    [InlineData(22050, 44100, 2, WavSampleFormat.Float32, 0.5)]
    [InlineData(3, 8000, 1, WavSampleFormat.Pcm24, 0.000375)]
    public void AWavLengthComesFromItsHeader(int frames, int rate, int channels, WavSampleFormat format, double seconds)
    {
        string path = _temp.File("clip.wav");
        WavWriter.Write(path, Enumerable.Range(0, channels).Select(_ => new float[frames]).ToArray(), rate, format);

        Assert.Equal(seconds, AudioDuration.Seconds(path), 12);
    }

    [Fact]
    public void AnOggLengthIsTheDecodedOne()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Audio", "IO", "Fixtures", "sine440-22050hz-mono-0.5s.ogg");

        Assert.Equal(11025 / 22050.0, AudioDuration.Seconds(path), 12);
    }

    [Fact]
    public void BadFilesFailWithTheReadersProblem()
    {
        string missing = _temp.File("missing.wav");
        Assert.Equal($"{missing}: file not found", Assert.Throws<DataException>(() => AudioDuration.Seconds(missing)).Message);

        string garbage = _temp.File("garbage.wav");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
        var error = Assert.Throws<DataException>(() => AudioDuration.Seconds(garbage));
        var reader = Assert.Throws<DataException>(() => AudioReader.Read(garbage));
        Assert.Equal(reader.Message, error.Message);
        Assert.Equal(garbage, error.Path);
    }
}
