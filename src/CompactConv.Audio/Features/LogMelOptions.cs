using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompactConv.Audio.Features;

/// <summary>
/// Configuration of the log-mel front end. The defaults give
/// librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=44100, n_fft=2048, hop_length=1024),
/// ref=1.0, amin=1e-10, top_db=80.0) with librosa's other defaults. Only the hop differs from
/// librosa's default (512): 10 s scene clips at 44.1 kHz then have 431 frames instead of 862, which
/// halves the cost of every model layer. Set <see cref="HopLength"/> = 512 for librosa's defaults.
/// Stored in a run's config.json and in every feature-cache key; JSON names are snake_case, with
/// librosa's spelling for fmin, fmax, ref and amin.
/// </summary>
public sealed record LogMelOptions
{
    /// <summary>Sample rate in Hz the audio is at (the loader resamples to it). Default 44100.</summary>
    public int SampleRate { get; init; } = 44100;

    /// <summary>FFT length in samples. Default 2048 (46 ms at 44.1 kHz).</summary>
    public int NFft { get; init; } = 2048;

    /// <summary>Samples between frame starts. Default 1024 (librosa: 512).</summary>
    public int HopLength { get; init; } = 1024;

    /// <summary>Window length; null means <see cref="NFft"/>. A shorter window is zero-padded to NFft, centred, as librosa does.</summary>
    public int? WinLength { get; init; }

    /// <summary>Window shape (periodic). Default Hann.</summary>
    public WindowFunction Window { get; init; } = WindowFunction.Hann;

    /// <summary>Centre frame t on sample t * hop by padding NFft/2 samples at both ends. Default true.</summary>
    public bool Center { get; init; } = true;

    /// <summary>Padding used when <see cref="Center"/> is set. Default Constant (zeros), librosa's since 0.10.</summary>
    public PadMode PadMode { get; init; } = PadMode.Constant;

    /// <summary>Number of mel bands. Default 128.</summary>
    public int NMels { get; init; } = 128;

    /// <summary>Lowest filter edge in Hz. Default 0.</summary>
    [JsonPropertyName("fmin")]
    public double FMin { get; init; }

    /// <summary>Highest filter edge in Hz; null means SampleRate / 2.</summary>
    [JsonPropertyName("fmax")]
    public double? FMax { get; init; }

    /// <summary>Mel scale. Default Slaney (librosa's htk=False).</summary>
    public MelScale MelScale { get; init; } = MelScale.Slaney;

    /// <summary>Filter normalisation. Default Slaney area normalisation.</summary>
    public MelNorm Norm { get; init; } = MelNorm.Slaney;

    /// <summary>Exponent of the magnitude spectrum: 2 for power, 1 for magnitude. Default 2.</summary>
    public double Power { get; init; } = 2.0;

    /// <summary>Reference value of 0 dB (librosa's ref). Default 1.</summary>
    [JsonPropertyName("ref")]
    public double Ref { get; init; } = 1.0;

    /// <summary>Smallest value taken before the logarithm (librosa's amin). Default 1e-10, i.e. a -100 dB floor.</summary>
    [JsonPropertyName("amin")]
    public double AMin { get; init; } = 1e-10;

    /// <summary>Per example, values more than this many dB below the example's maximum are raised to it; null for no floor. Default 80.</summary>
    public double? TopDb { get; init; } = 80.0;

    /// <summary>The window length in use: <see cref="WinLength"/> or <see cref="NFft"/>.</summary>
    [JsonIgnore]
    public int EffectiveWinLength => WinLength ?? NFft;

    /// <summary>The upper frequency in use: <see cref="FMax"/> or the Nyquist frequency.</summary>
    [JsonIgnore]
    public double EffectiveFMax => FMax ?? SampleRate / 2.0;

    /// <summary>Number of frequency bins of the one-sided spectrum, NFft / 2 + 1.</summary>
    [JsonIgnore]
    public int FrequencyBins => NFft / 2 + 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value that makes no sense.</summary>
    public LogMelOptions Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok) throw new ArgumentException(message);
        }

        Require(SampleRate >= 1, $"sample rate must be at least 1 Hz, got {SampleRate}");
        Require(NFft >= 2, $"n_fft must be at least 2, got {NFft}");
        Require(HopLength >= 1, $"hop length must be at least 1, got {HopLength}");
        Require(WinLength is null || WinLength >= 1, $"window length must be at least 1, got {WinLength}");
        Require(EffectiveWinLength <= NFft, $"window length {WinLength} is longer than n_fft {NFft}");
        Require(Enum.IsDefined(Window), $"unknown window {Window}");
        Require(Enum.IsDefined(PadMode), $"unknown pad mode {PadMode}");
        Require(NMels >= 1, $"number of mel bands must be at least 1, got {NMels}");
        Require(double.IsFinite(FMin) && FMin >= 0, $"fmin must be a frequency of 0 Hz or more, got {FMin}");
        Require(FMax is null || (double.IsFinite(FMax.Value) && FMax <= SampleRate / 2.0),
            $"fmax {FMax} Hz is above the Nyquist frequency {SampleRate / 2.0} Hz of sample rate {SampleRate}");
        Require(FMin < EffectiveFMax, $"fmin {FMin} Hz must be below fmax {EffectiveFMax} Hz");
        Require(Enum.IsDefined(MelScale), $"unknown mel scale {MelScale}");
        Require(Enum.IsDefined(Norm), $"unknown mel norm {Norm}");
        Require(double.IsFinite(Power) && Power > 0, $"power must be positive, got {Power}");
        Require(double.IsFinite(Ref) && Ref > 0, $"ref must be positive, got {Ref}");
        Require(double.IsFinite(AMin) && AMin > 0, $"amin must be positive, got {AMin}");
        Require(TopDb is null || (double.IsFinite(TopDb.Value) && TopDb >= 0), $"top_db must be 0 or more, got {TopDb}");
        return this;
    }

    /// <summary>Compact JSON (snake_case names, lower-case enums); also the options part of a feature-cache key.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, FeatureJson.Options);

    /// <summary>Reads options written by <see cref="ToJson"/>; missing properties take their defaults. The result is validated.</summary>
    public static LogMelOptions FromJson(string json)
    {
        try
        {
            var options = JsonSerializer.Deserialize<LogMelOptions>(json, FeatureJson.Options)
                ?? throw new ArgumentException("log-mel options JSON is null");
            return options.Validate();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"malformed log-mel options JSON: {e.Message}", e);
        }
    }
}
