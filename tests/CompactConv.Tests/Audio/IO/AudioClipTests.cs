using CompactConv.Audio;

namespace CompactConv.Tests.Audio.IO;

public sealed class AudioClipTests
{
    [Fact]
    public void PropertiesFollowTheChannels()
    {
        var clip = new AudioClip([new float[16000], new float[16000]], 8000);

        Assert.Equal(2, clip.ChannelCount);
        Assert.Equal(16000, clip.Frames);
        Assert.Equal(2.0, clip.DurationSeconds);
        Assert.Equal(8000, clip.SampleRate);
    }

    [Fact]
    public void ToMonoAveragesChannels()
    {
        var clip = new AudioClip([[1f, 0.5f, -1f], [0f, 0.5f, 1f], [0.5f, -1f, 0.25f]], 8000);

        // (1 + 0 + 0.5) / 3, (0.5 + 0.5 - 1) / 3, (-1 + 1 + 0.25) / 3
        Assert.Equal([0.5f, 0f, 0.25f / 3], clip.ToMono());
    }

    [Fact]
    public void ToMonoOfMonoIsACopy()
    {
        float[] samples = [0.1f, 0.2f];
        var clip = new AudioClip([samples], 8000);

        var mono = clip.ToMono();
        mono[0] = 9;

        Assert.Equal(0.1f, samples[0]);
    }

    [Fact]
    public void RejectsInvalidShapes()
    {
        Assert.Throws<ArgumentException>(() => new AudioClip([], 8000));
        Assert.Throws<ArgumentException>(() => new AudioClip([new float[3], new float[2]], 8000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioClip([new float[3]], 0));
    }
}
