using System.Buffers.Binary;

namespace CompactConv.Tests.Audio.Synthesis;

/// <summary>Writes WAV fixtures and reads the synthesiser's PCM16 output, independently of the library's own code.</summary>
public static class TestWav
{
    /// <summary>Writes interleaved frames as PCM16 or float32 with a plain 16-byte fmt chunk.</summary>
    public static void Write(string path, float[] interleaved, int sampleRate, int channels = 1, bool float32 = false)
    {
        int bytesPerSample = float32 ? 4 : 2;
        var data = new byte[interleaved.Length * bytesPerSample];
        for (int i = 0; i < interleaved.Length; i++)
        {
            if (float32) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), interleaved[i]);
            else BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 2), (short)Math.Clamp(Math.Round(interleaved[i] * 32768.0), -32768, 32767));
        }
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.ASCII, leaveOpen: true))
        {
            w.Write("RIFF"u8);
            w.Write(36 + 8 + data.Length);
            w.Write("WAVE"u8);
            // A chunk the reader must skip before fmt.
            w.Write("LIST"u8);
            w.Write(4);
            w.Write("INFO"u8);
            w.Write("fmt "u8);
            w.Write(16);
            w.Write((short)(float32 ? 3 : 1));
            w.Write((short)channels);
            w.Write(sampleRate);
            w.Write(sampleRate * channels * bytesPerSample);
            w.Write((short)(channels * bytesPerSample));
            w.Write((short)(bytesPerSample * 8));
            w.Write("data"u8);
            w.Write(data.Length);
            w.Write(data);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, stream.ToArray());
    }

    /// <summary>Reads a mono PCM16 file as written by the synthesiser: (sample rate, samples / 32768, the library's full scale).</summary>
    public static (int Rate, float[] Samples) ReadPcm16(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(22)));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(34)));
        int rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24));
        int length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(40));
        Assert.Equal(bytes.Length - 44, length);
        var samples = new float[length / 2];
        for (int i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + 2 * i)) / 32768f;
        return (rate, samples);
    }

    public static float[] Sine(double frequency, double seconds, int sampleRate, double amplitude)
    {
        var samples = new float[(int)Math.Round(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++) samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        return samples;
    }

    public static float[] Noise(double seconds, int sampleRate, double amplitude, int seed)
    {
        var rng = new Random(seed);
        var samples = new float[(int)Math.Round(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++) samples[i] = (float)(amplitude * (2 * rng.NextDouble() - 1));
        return samples;
    }

    /// <summary>Power of <paramref name="x"/> at one frequency (a single DFT bin), per sample.</summary>
    public static double ToneEnergy(ReadOnlySpan<float> x, double frequency, int sampleRate)
    {
        double re = 0, im = 0;
        for (int n = 0; n < x.Length; n++)
        {
            double phase = 2 * Math.PI * frequency * n / sampleRate;
            re += x[n] * Math.Cos(phase);
            im -= x[n] * Math.Sin(phase);
        }
        return (re * re + im * im) / x.Length;
    }

    public static double MeanSquare(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x) sum += (double)v * v;
        return sum / x.Length;
    }
}
