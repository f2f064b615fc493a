using CompactConv.Audio;

namespace CompactConv.Tests.Audio.IO;

/// <summary>Decoding the committed Ogg Vorbis fixtures (see Fixtures/README.md for how they were made).</summary>
public sealed class OggReaderTests : IDisposable
{
    private static readonly string Mono = Fixture("sine440-22050hz-mono-0.5s.ogg");
    private static readonly string Stereo = Fixture("sine440-left-880-right-22050hz-0.5s.ogg");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Audio", "IO", "Fixtures", name);

    [Fact]
    public void MonoToneHasItsDurationRateAndFrequency()
    {
        var clip = AudioReader.Read(Mono);

        Assert.Equal(22050, clip.SampleRate);
        Assert.Equal(1, clip.ChannelCount);
        // sox wrote 0.5 s = 11025 samples; Vorbis stores the exact length in the last granule position.
        Assert.Equal(11025, clip.Frames);
        Assert.Equal(0.5, clip.DurationSeconds, 1e-9);
        Assert.Equal(440, Signals.ZeroCrossingFrequency(clip.Channels[0], 22050, 500, 10500), 1.0);
        // Amplitude 0.5 sine: RMS 0.354, give or take the lossy coding.
        Assert.Equal(0.5 / Math.Sqrt(2), Signals.Rms(clip.Channels[0], 500, 10500), 0.02);
    }

    [Fact]
    public void StereoChannelsAreDeinterleavedInOrder()
    {
        var clip = AudioReader.Read(Stereo, new AudioReadOptions(KeepChannels: true));

        Assert.Equal(2, clip.ChannelCount);
        Assert.Equal(11025, clip.Frames);
        Assert.Equal(440, Signals.ZeroCrossingFrequency(clip.Channels[0], 22050, 500, 10500), 1.0);
        Assert.Equal(880, Signals.ZeroCrossingFrequency(clip.Channels[1], 22050, 500, 10500), 2.0);
    }

    [Fact]
    public void StereoMixesToTheMeanOfItsChannels()
    {
        var kept = AudioReader.Read(Stereo, new AudioReadOptions(KeepChannels: true));
        var mixed = AudioReader.Read(Stereo);

        Assert.Equal(1, mixed.ChannelCount);
        for (int i = 0; i < 11025; i += 101)
            Assert.Equal((kept.Channels[0][i] + kept.Channels[1][i]) / 2, mixed.Channels[0][i], 1e-6);
    }

    [Fact]
    public void ResamplesOnRequest()
    {
        var clip = AudioReader.Read(Mono, new AudioReadOptions(TargetSampleRate: 16000));

        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(8000, clip.Frames); // round(11025 * 16000 / 22050)
        Assert.Equal(440, Signals.ZeroCrossingFrequency(clip.Channels[0], 16000, 400, 7600), 1.0);
    }

    [Fact]
    public void RecognisedByContentUnderAWavName()
    {
        string renamed = _temp.File("tone.wav");
        File.Copy(Mono, renamed);

        Assert.Equal(11025, AudioReader.Read(renamed).Frames);
    }

    [Fact]
    public void GarbageAfterTheOggMagicIsCorrupt()
    {
        string path = _temp.File("bad.ogg");
        File.WriteAllBytes(path, [.. "OggS"u8, .. Enumerable.Range(0, 300).Select(i => (byte)(i * 37))]);

        var e = Assert.Throws<DataException>(() => AudioReader.Read(path));
        Assert.StartsWith($"{path}: corrupt OGG Vorbis data: cannot read the stream headers (NVorbis: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void CutInsideTheHeadersIsCorrupt()
    {
        string path = _temp.File("cut.ogg");
        File.WriteAllBytes(path, File.ReadAllBytes(Mono)[..120]);

        var e = Assert.Throws<DataException>(() => AudioReader.Read(path));
        Assert.StartsWith($"{path}: corrupt OGG Vorbis data: cannot read the stream headers (NVorbis: ", e.Message);
    }

    [Fact]
    public void CutInsideTheAudioPageHasNoAudio()
    {
        // The fixture's pages start at bytes 0, 58 and 3452: 4000 bytes keep the headers and half the only audio page.
        string path = _temp.File("cut.ogg");
        File.WriteAllBytes(path, File.ReadAllBytes(Mono)[..4000]);

        var e = Assert.Throws<DataException>(() => AudioReader.Read(path));
        Assert.Equal($"{path}: no audio: the Vorbis stream decodes to no samples (truncated or damaged?)", e.Message);
    }
}
