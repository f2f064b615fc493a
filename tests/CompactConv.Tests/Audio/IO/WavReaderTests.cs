using CompactConv.Audio;
using static CompactConv.Tests.Audio.IO.WavBytes;

namespace CompactConv.Tests.Audio.IO;

public sealed class WavReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Save(byte[] bytes, string name = "clip.wav")
    {
        string path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static AudioClip ReadAll(string path) => AudioReader.Read(path, new AudioReadOptions(KeepChannels: true));

    [Fact]
    public void EightBitIsUnsignedAroundTheMidpoint()
    {
        var clip = ReadAll(Save(Simple(Pcm, 1, 8000, 8, Pcm8(0, 1, 64, 127, 128, 129, 192, 255))));

        float[] expected = [-1f, -127 / 128f, -0.5f, -1 / 128f, 0f, 1 / 128f, 0.5f, 127 / 128f];
        Assert.Equal(expected, clip.Channels[0]);
        Assert.Equal(8000, clip.SampleRate);
        Assert.Equal(8, clip.Frames);
    }

    [Fact]
    public void SixteenBitIsDividedBy32768()
    {
        var clip = ReadAll(Save(Simple(Pcm, 1, 16000, 16, Pcm16(-32768, -16384, -1, 0, 1, 12345, 32767))));

        float[] expected = [-1f, -0.5f, -1 / 32768f, 0f, 1 / 32768f, 0.376739501953125f, 0.999969482421875f];
        Assert.Equal(expected, clip.Channels[0]);
    }

    [Fact]
    public void TwentyFourBitExtendsTheSign()
    {
        var clip = ReadAll(Save(Simple(Pcm, 1, 44100, 24, Pcm24(-8388608, -4194304, -1, 0, 1, 0x123456, 8388607))));

        // 0x123456 = 1193046; 1193046 / 2^23 and 8388607 / 2^23 are exact in float.
        float[] expected = [-1f, -0.5f, -1 / 8388608f, 0f, 1 / 8388608f, 0.142222166061401367f, 0.99999988079071045f];
        Assert.Equal(expected, clip.Channels[0]);
    }

    [Fact]
    public void ThirtyTwoBitIntegerIsDividedBy2To31()
    {
        var clip = ReadAll(Save(Simple(Pcm, 1, 48000, 32, Pcm32(int.MinValue, -(1 << 30), -1, 0, 1, 1 << 30, 123456789, int.MaxValue))));

        // 123456789 / 2^31 = 0.0574890473; int.MaxValue / 2^31 rounds to 1 in float.
        float[] expected = [-1f, -0.5f, -1f / (1L << 31), 0f, 1f / (1L << 31), 0.5f, (float)(123456789 / 2147483648.0), 1f];
        Assert.Equal(expected, clip.Channels[0]);
        Assert.Equal(0.0574890473, clip.Channels[0][6], 4e-9); // half a float step there is 1.9e-9
    }

    [Fact]
    public void Float32IsTakenAsIsIncludingValuesBeyondOne()
    {
        float[] values = [-1f, -0.25f, 0f, 0.123456789f, 1f, 1.5f];
        var clip = ReadAll(Save(Simple(Float, 1, 22050, 32, Float32(values))));

        Assert.Equal(values, clip.Channels[0]);
    }

    [Fact]
    public void Float64IsRoundedToFloat()
    {
        double[] values = [-1, 0.1, 1.0 / 3, 1e-10, 0.999999999];
        var clip = ReadAll(Save(Simple(Float, 1, 22050, 64, Float64(values))));

        Assert.Equal(values.Select(v => (float)v).ToArray(), clip.Channels[0]);
    }

    [Fact]
    public void ExtensiblePcmAndFloatUseTheSubFormat()
    {
        var pcm = ReadAll(Save(Riff(FmtExtensible(Pcm, 1, 48000, 24, 24), Chunk("data", Pcm24(-8388608, 4194304, 0))), "pcm.wav"));
        var flt = ReadAll(Save(Riff(FmtExtensible(Float, 1, 48000, 32, 32), Chunk("data", Float32(0.75f, -0.125f))), "float.wav"));

        Assert.Equal([-1f, 0.5f, 0f], pcm.Channels[0]);
        Assert.Equal([0.75f, -0.125f], flt.Channels[0]);
        Assert.Equal(48000, pcm.SampleRate);
    }

    [Fact]
    public void ExtensibleTwentyBitsInA24BitContainerAreLeftAligned()
    {
        // 20 valid bits sit in the top of each 3-byte container: half of 20-bit full scale (2^18)
        // is stored shifted left by 4, and -2^19 (the minimum) as -2^23.
        var clip = ReadAll(Save(Riff(FmtExtensible(Pcm, 1, 48000, 24, 20), Chunk("data", Pcm24((1 << 18) << 4, -(1 << 19) << 4)))));

        Assert.Equal([0.5f, -1f], clip.Channels[0]);
    }

    [Fact]
    public void StereoKeepsChannelsApartAndMixesToTheirMean()
    {
        // Interleaved L R L R L R.
        byte[] bytes = Simple(Pcm, 2, 44100, 16, Pcm16(0, 32767, 16384, -16384, -32768, 16384));
        string path = Save(bytes);

        var kept = ReadAll(path);
        var mixed = AudioReader.Read(path);

        Assert.Equal(2, kept.ChannelCount);
        Assert.Equal([0f, 0.5f, -1f], kept.Channels[0]);
        Assert.Equal([32767 / 32768f, -0.5f, 0.5f], kept.Channels[1]);
        Assert.Equal(1, mixed.ChannelCount);
        Assert.Equal([32767 / 65536f, 0f, -0.25f], mixed.Channels[0]);
        Assert.Equal(3, mixed.Frames);
    }

    [Fact]
    public void ThreeChannelsInterleaveInOrder()
    {
        int[] a = [8388607, -8388608, 100, 0], b = [1, 2, 3, 4], c = [-4194304, 4194304, -5, 7];
        int[] interleaved = Enumerable.Range(0, 4).SelectMany(f => new[] { a[f], b[f], c[f] }).ToArray();
        string path = Save(Simple(Pcm, 3, 32000, 24, Pcm24(interleaved)));

        var kept = ReadAll(path);
        var mono = AudioReader.Read(path).Channels[0];

        Assert.Equal(3, kept.ChannelCount);
        Assert.Equal(a.Select(v => v / 8388608f), kept.Channels[0]);
        Assert.Equal(b.Select(v => v / 8388608f), kept.Channels[1]);
        Assert.Equal(c.Select(v => v / 8388608f), kept.Channels[2]);
        for (int f = 0; f < 4; f++)
            Assert.Equal((a[f] + b[f] + c[f]) / 3.0 / 8388608, mono[f], 3e-7);
    }

    [Fact]
    public void UnknownAndOddSizedChunksAreSkippedWithTheirPadByte()
    {
        byte[] bytes = Riff(
            Chunk("LIST", [1, 2, 3, 4, 5]),                       // odd: one pad byte follows
            Fmt(Pcm, 1, 8000, 8),
            Chunk("junk", new byte[7]),
            Chunk("data", Pcm8(0, 128, 255)),                    // odd data chunk, padded
            Chunk("id3 ", Ascii("tag")));

        var clip = ReadAll(Save(bytes));

        Assert.Equal([-1f, 0f, 127 / 128f], clip.Channels[0]);
    }

    [Fact]
    public void FmtAfterDataAndAWrongRiffSizeAreAccepted()
    {
        byte[] bytes = Riff([Chunk("data", Pcm16(16384, -16384)), Fmt(Pcm, 1, 8000, 16)], declaredSize: 0);

        var clip = ReadAll(Save(bytes));

        Assert.Equal([0.5f, -0.5f], clip.Channels[0]);
    }

    [Fact]
    public void ATrailingPartialFrameIsIgnored()
    {
        // Stereo 16-bit: 6 bytes are one whole frame (4 bytes) and half of the next.
        var clip = ReadAll(Save(Simple(Pcm, 2, 8000, 16, Pcm16(16384, -16384, 1))));

        Assert.Equal(1, clip.Frames);
        Assert.Equal([0.5f], clip.Channels[0]);
    }

    [Fact]
    public void FormatIsRecognisedByContentNotExtension()
    {
        var clip = ReadAll(Save(Simple(Pcm, 1, 8000, 16, Pcm16(16384)), "really-a-wav.ogg"));

        Assert.Equal([0.5f], clip.Channels[0]);
    }

    [Fact]
    public void DurationFollowsFramesAndRate()
    {
        var clip = ReadAll(Save(Simple(Pcm, 2, 8000, 16, new byte[2 * 2 * 12000])));

        Assert.Equal(12000, clip.Frames);
        Assert.Equal(1.5, clip.DurationSeconds);
        Assert.All(clip.Channels, ch => Assert.Equal(12000, ch.Length));
    }

    [Fact]
    public void LongFilesDecodeAcrossReadBlocks()
    {
        // 100,000 stereo frames span several of the decoder's 64 KB blocks; each sample encodes its own index.
        const int frames = 100_000;
        var values = new int[frames * 2];
        for (int f = 0; f < frames; f++)
        {
            values[2 * f] = f % 32768;
            values[2 * f + 1] = -(f % 32768);
        }
        var clip = ReadAll(Save(Simple(Pcm, 2, 44100, 16, Pcm16(values))));

        for (int f = 0; f < frames; f += 997)
        {
            Assert.Equal(f % 32768 / 32768f, clip.Channels[0][f]);
            Assert.Equal(-(f % 32768) / 32768f, clip.Channels[1][f]);
        }
        Assert.Equal((frames - 1) % 32768 / 32768f, clip.Channels[0][frames - 1]);
    }

    [Fact]
    public void TargetRateResamples()
    {
        var tone = Signals.Sine(1000, 48000, 4800);
        string path = Save(Simple(Float, 1, 48000, 32, Float32(tone)));

        var clip = AudioReader.Read(path, new AudioReadOptions(TargetSampleRate: 16000));
        var same = AudioReader.Read(path, new AudioReadOptions(TargetSampleRate: 48000));

        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(1600, clip.Frames);
        Assert.Equal(1000, Signals.ZeroCrossingFrequency(clip.Channels[0], 16000, 100, 1500), 0.5);
        Assert.Equal(tone, same.Channels[0]);
    }

    [Fact]
    public void BadTargetRateIsAnArgumentError()
    {
        string path = Save(Simple(Pcm, 1, 8000, 16, Pcm16(1)));

        Assert.Throws<ArgumentOutOfRangeException>(() => AudioReader.Read(path, new AudioReadOptions(TargetSampleRate: 0)));
    }
}
