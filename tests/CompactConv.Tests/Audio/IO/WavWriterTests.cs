using CompactConv.Audio;

namespace CompactConv.Tests.Audio.IO;

public sealed class WavWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static AudioClip ReadAll(string path) => AudioReader.Read(path, new AudioReadOptions(KeepChannels: true));

    [Fact]
    public void Pcm16RoundTripIsExactOnTheQuantisationGrid()
    {
        float[] samples = [-1f, -0.5f, -1 / 32768f, 0f, 12345 / 32768f, 32767 / 32768f];
        string path = _temp.File("a.wav");

        var result = WavWriter.Write(path, [samples], 16000, WavSampleFormat.Pcm16);

        var clip = ReadAll(path);
        Assert.Equal(0, result.ClippedSamples);
        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(samples, clip.Channels[0]);
    }

    [Fact]
    public void Pcm16RoundsOffGridValuesToTheNearestStep()
    {
        string path = _temp.File("a.wav");
        WavWriter.Write(path, [[0.1f, -0.3f]], 8000);

        var back = ReadAll(path).Channels[0];
        // 0.1 * 32768 = 3276.8 -> 3277; -0.3 * 32768 = -9830.4 -> -9830.
        Assert.Equal([3277 / 32768f, -9830 / 32768f], back);
    }

    [Fact]
    public void Pcm24RoundTripIsExactOnTheQuantisationGrid()
    {
        float[] left = [-1f, 0.5f, 1234567 / 8388608f, 8388607 / 8388608f];
        float[] right = [0f, -1 / 8388608f, -0.25f, 0.125f];
        string path = _temp.File("a.wav");

        WavWriter.Write(path, [left, right], 48000, WavSampleFormat.Pcm24);

        var clip = ReadAll(path);
        Assert.Equal(left, clip.Channels[0]);
        Assert.Equal(right, clip.Channels[1]);
    }

    [Fact]
    public void Float32RoundTripIsBitExactWithoutClipping()
    {
        float[] samples = [0.1f, -0.333333f, 1.75f, -3f, 1e-8f];
        string path = _temp.File("a.wav");

        var result = WavWriter.Write(path, [samples, samples.Select(v => -v).ToArray(), new float[5]], 44100, WavSampleFormat.Float32);

        var clip = ReadAll(path);
        Assert.Equal(0, result.ClippedSamples);
        Assert.Equal(3, clip.ChannelCount);
        Assert.Equal(samples, clip.Channels[0]);
        Assert.Equal(samples.Select(v => -v), clip.Channels[1]);
        Assert.Equal(new float[5], clip.Channels[2]);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 32767 / 32768.0)]
    [InlineData(WavSampleFormat.Pcm24, 8388607 / 8388608.0)]
    public void PcmClipsOutOfRangeSamplesAndCountsThem(WavSampleFormat format, double top)
    {
        string path = _temp.File("a.wav");

        var result = WavWriter.Write(path, [[1.5f, -2f, 1f, -1f, 0.25f], [0f, 0f, 0f, 0f, 1.0001f]], 8000, format);

        var clip = ReadAll(path);
        // 1.5, -2 and 1.0001 are outside -1..1; exactly +-1 is not clipping (+1 lands on the top code).
        Assert.Equal(3, result.ClippedSamples);
        Assert.Equal([(float)top, -1f, (float)top, -1f, 0.25f], clip.Channels[0]);
        Assert.Equal((float)top, clip.Channels[1][4]);
    }

    [Fact]
    public void Pcm16HeaderIsTheCanonical44Bytes()
    {
        string path = _temp.File("a.wav");
        WavWriter.Write(path, [[0.5f, -0.5f], [0f, 1f / 32768]], 22050);

        byte[] bytes = File.ReadAllBytes(path);
        byte[] expected =
        [
            .. "RIFF"u8, 44, 0, 0, 0, .. "WAVE"u8,       // 36 + 8 data bytes
            .. "fmt "u8, 16, 0, 0, 0, 1, 0, 2, 0,           // PCM, 2 channels
            0x22, 0x56, 0, 0, 0x88, 0x58, 0x01, 0,          // 22050 Hz, 88200 bytes/s
            4, 0, 16, 0,                                    // block align 4, 16 bits
            .. "data"u8, 8, 0, 0, 0,
            0x00, 0x40, 0x00, 0x00, 0x00, 0xC0, 0x01, 0x00, // L R L R: 16384, 0, -16384, 1
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void FloatHeaderHasAFactChunk()
    {
        string path = _temp.File("a.wav");
        WavWriter.Write(path, [[0.5f, 0.25f, 0.125f]], 8000, WavSampleFormat.Float32);

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(58 + 12, bytes.Length);
        Assert.Equal("fmt "u8.ToArray(), bytes[12..16]);
        Assert.Equal(18, BitConverter.ToInt32(bytes, 16));
        Assert.Equal(3, BitConverter.ToInt16(bytes, 20));   // IEEE float
        Assert.Equal(32, BitConverter.ToInt16(bytes, 34));
        Assert.Equal("fact"u8.ToArray(), bytes[38..42]);
        Assert.Equal(3, BitConverter.ToInt32(bytes, 46));   // frames
        Assert.Equal("data"u8.ToArray(), bytes[50..54]);
        Assert.Equal(12, BitConverter.ToInt32(bytes, 54));
        Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
    }

    [Fact]
    public void Pcm24OddDataIsPadded()
    {
        string path = _temp.File("a.wav");
        WavWriter.Write(path, [[0.5f]], 8000, WavSampleFormat.Pcm24);

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(44 + 3 + 1, bytes.Length);
        Assert.Equal(3, BitConverter.ToInt32(bytes, 40));
        Assert.Equal(40, BitConverter.ToInt32(bytes, 4));   // RIFF size counts the pad byte
        Assert.Equal([0, 0, 0x40], bytes[44..47]);
        Assert.Equal([0.5f], ReadAll(path).Channels[0]);
    }

    [Fact]
    public void IdenticalInputGivesIdenticalBytes()
    {
        var tone = Signals.Sine(440, 16000, 20000, amplitude: 1.2);
        string a = _temp.File("a.wav"), b = _temp.File("b.wav");

        WavWriter.Write(a, [tone, tone], 16000, WavSampleFormat.Pcm24);
        WavWriter.Write(b, [tone, tone], 16000, WavSampleFormat.Pcm24);

        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void LongSignalRoundTripsAcrossBlocks()
    {
        // 30,000 frames exceed the writer's 8192-frame blocks several times.
        var tone = Signals.Sine(440, 16000, 30000, amplitude: 0.9);
        string path = _temp.File("a.wav");

        WavWriter.Write(path, [tone], 16000);

        var back = ReadAll(path).Channels[0];
        Assert.Equal(30000, back.Length);
        for (int i = 0; i < tone.Length; i++)
            Assert.Equal(tone[i], back[i], 0.5 / 32768 + 1e-9);
    }

    [Fact]
    public void WritesAtomicallyIntoANewFolderLeavingNoTemporaryFile()
    {
        string folder = Path.Combine(_temp.Path, "new", "deeper");
        string path = Path.Combine(folder, "out.wav");

        WavWriter.Write(path, [[0f]], 8000);
        WavWriter.Write(path, [[0.5f, 0.5f]], 8000); // overwrite

        Assert.Equal(["out.wav"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal(2, ReadAll(path).Frames);
    }

    [Fact]
    public void InvalidInputIsRejected()
    {
        string path = _temp.File("a.wav");

        Assert.Throws<ArgumentException>(() => WavWriter.Write(path, [], 8000));
        Assert.Throws<ArgumentException>(() => WavWriter.Write(path, [[0f, 0f], [0f]], 8000));
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Write(path, [[0f]], 0));
        var e = Assert.Throws<ArgumentException>(() => WavWriter.Write(path, [[0f, float.NaN]], 8000));
        Assert.Contains("sample 1 of channel 0", e.Message);
        Assert.False(File.Exists(path));
    }
}
