using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

public class LogMelOptionsTests
{
    [Fact]
    public void Defaults_FollowLibrosaExceptHop()
    {
        var o = new LogMelOptions();
        Assert.Equal(44100, o.SampleRate);
        Assert.Equal(2048, o.NFft);
        Assert.Equal(1024, o.HopLength);
        Assert.Null(o.WinLength);
        Assert.Equal(2048, o.EffectiveWinLength);
        Assert.Equal(WindowFunction.Hann, o.Window);
        Assert.True(o.Center);
        Assert.Equal(PadMode.Constant, o.PadMode);
        Assert.Equal(128, o.NMels);
        Assert.Equal(0.0, o.FMin);
        Assert.Null(o.FMax);
        Assert.Equal(22050.0, o.EffectiveFMax);
        Assert.Equal(MelScale.Slaney, o.MelScale);
        Assert.Equal(MelNorm.Slaney, o.Norm);
        Assert.Equal(2.0, o.Power);
        Assert.Equal(1.0, o.Ref);
        Assert.Equal(1e-10, o.AMin);
        Assert.Equal(80.0, o.TopDb);
        Assert.Equal(1025, o.FrequencyBins);
        o.Validate();
    }

    public static TheoryData<LogMelOptions, string> BadOptions => new()
    {
        { new LogMelOptions { FMax = 30000 }, "30000" },
        { new LogMelOptions { FMin = 5000, FMax = 4000 }, "5000" },
        { new LogMelOptions { FMin = 22050 }, "22050" },
        { new LogMelOptions { FMin = -1 }, "-1" },
        { new LogMelOptions { NMels = 0 }, "0" },
        { new LogMelOptions { HopLength = 0 }, "hop length" },
        { new LogMelOptions { WinLength = 4096 }, "4096" },
        { new LogMelOptions { WinLength = 0 }, "window length" },
        { new LogMelOptions { NFft = 1 }, "n_fft" },
        { new LogMelOptions { SampleRate = 0 }, "sample rate" },
        { new LogMelOptions { Power = 0 }, "power" },
        { new LogMelOptions { AMin = 0 }, "amin" },
        { new LogMelOptions { Ref = -1 }, "ref" },
        { new LogMelOptions { TopDb = -5 }, "-5" },
        { new LogMelOptions { MelScale = (MelScale)7 }, "7" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_RejectsBadValue_NamingIt(LogMelOptions options, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.Contains(named, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Json_RoundTrips_AndUsesSnakeCaseAndEnumNames()
    {
        var o = new LogMelOptions { HopLength = 512, MelScale = MelScale.Htk, Norm = MelNorm.None, TopDb = null, FMax = 8000, PadMode = PadMode.Reflect };
        var json = o.ToJson();
        Assert.Contains("\"hop_length\":512", json);
        Assert.Contains("\"mel_scale\":\"htk\"", json);
        Assert.Contains("\"pad_mode\":\"reflect\"", json);
        Assert.Contains("\"fmax\":8000", json);
        Assert.Contains("\"amin\":1E-10", json);
        Assert.DoesNotContain("effective", json);
        Assert.Equal(o, LogMelOptions.FromJson(json));
    }

    [Fact]
    public void FromJson_MissingPropertiesTakeDefaults_BadValuesRejected()
    {
        Assert.Equal(new LogMelOptions { NMels = 64 }, LogMelOptions.FromJson("{\"n_mels\":64}"));
        Assert.Throws<ArgumentException>(() => LogMelOptions.FromJson("{\"n_mels\":0}"));
        Assert.Throws<ArgumentException>(() => LogMelOptions.FromJson("{\"mel_scale\":\"bark\"}"));
        Assert.Throws<ArgumentException>(() => LogMelOptions.FromJson("not json"));
    }
}
