using System.Collections.Concurrent;
using System.Globalization;

namespace CompactConv.Audio.Features;

/// <summary>
/// Waveforms to log-mel spectrograms in dB, in plain C#: centre padding, framing, window, real FFT,
/// |X|^power, mel filterbank, power to dB with the top_db floor. The window and a sparse filterbank
/// are computed once; scratch buffers are pooled per concurrent call, so one instance can serve
/// several threads at once. Needs no TorchSharp, so the front end can run wherever the audio does.
/// </summary>
public sealed class LogMelSpectrogram
{
    private readonly float[] _window;
    private readonly SparseMelFilterbank _filterbank;
    private readonly ConcurrentBag<Workspace> _workspaces = [];

    /// <summary>Creates the front end; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public LogMelSpectrogram(LogMelOptions options)
    {
        Options = options.Validate();
        _window = AnalysisWindow.Create(options);
        _filterbank = new SparseMelFilterbank(options);
    }

    /// <summary>The configuration.</summary>
    public LogMelOptions Options { get; }

    /// <summary>
    /// Frames a signal of <paramref name="samples"/> samples yields: 1 + (padded - NFft) / hop with
    /// padded = samples + 2 (NFft / 2) when centred (so 1 + samples / hop for even NFft), else
    /// samples; 0 when the (padded) signal is shorter than one frame.
    /// </summary>
    public static long FrameCount(long samples, LogMelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (samples < 0) throw new ArgumentException($"sample count must be 0 or more, got {samples}");
        long padded = options.Center ? samples + 2L * (options.NFft / 2) : samples;
        return padded < options.NFft ? 0 : 1 + (padded - options.NFft) / options.HopLength;
    }

    /// <summary>
    /// Log-mel spectrogram [NMels, Frames] in dB of one mono signal at <see cref="LogMelOptions.SampleRate"/>;
    /// the top_db floor is relative to this signal's own maximum.
    /// </summary>
    /// <exception cref="ArgumentException">The signal is empty or too short for the options, or its features are not finite.</exception>
    public float[,] Compute(ReadOnlySpan<float> samples)
    {
        var o = Options;
        int length = samples.Length;
        if (length == 0) throw new ArgumentException("the signal has 0 samples");
        long frameCount = FrameCount(length, o);
        if (frameCount < 1)
            throw new ArgumentException($"a signal of {length} samples is shorter than n_fft {o.NFft} (center is off)");
        if (o.Center && o.PadMode == PadMode.Reflect && length <= o.NFft / 2)
            throw new ArgumentException($"reflect padding needs more than n_fft/2 = {o.NFft / 2} samples, got {length}");

        int frames = checked((int)frameCount);
        var db = new float[o.NMels, frames];
        var workspace = _workspaces.TryTake(out var taken) ? taken : new Workspace(o);
        try
        {
            int pad = o.Center ? o.NFft / 2 : 0;
            for (int t = 0; t < frames; t++)
            {
                FillFrame(samples, t * o.HopLength - pad, workspace.Frame);
                workspace.Spectrum.Compute(workspace.Frame, workspace.Power);
                for (int m = 0; m < o.NMels; m++)
                    db[m, t] = (float)_filterbank.Apply(m, workspace.Power);
            }
        }
        finally
        {
            _workspaces.Add(workspace);
        }

        Decibels.PowerToDbInPlace(FeatureSpans.AsSpan(db), o.Ref, o.AMin, o.TopDb);
        // Finite samples far outside [-1, 1] (a float file of 1e30s) overflow float32 in |X|^2, and the
        // infinities and NaNs that follow would train, predict and detect nonsense without a word.
        foreach (float value in FeatureSpans.AsSpan(db))
        {
            if (!float.IsFinite(value))
            {
                float largest = 0;
                foreach (float s in samples) largest = Math.Max(largest, Math.Abs(s));
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"the log-mel features are not finite (the power spectrum overflows: the largest sample magnitude is {largest:G3}, audio should lie within [-1, 1])"));
            }
        }
        return db;
    }

    /// <summary>Log-mel spectrogram [NMels, Frames] of <paramref name="samples"/>, one mono signal read from <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The signal gives no features (too short, or not finite); names the file.</exception>
    public float[,] Compute(string path, float[] samples)
    {
        try
        {
            return Compute(samples);
        }
        catch (ArgumentException e)
        {
            // The options were validated when this object was made, so the signal is what is wrong.
            throw new DataException(path, e.Message, e);
        }
    }

    /// <summary>Log-mel spectrogram [NMels, Frames] of the audio file at <paramref name="path"/>, mixed to mono and resampled to <see cref="LogMelOptions.SampleRate"/>.</summary>
    /// <exception cref="DataException">The file cannot be decoded or gives no features; names the file.</exception>
    public float[,] ComputeFile(string path) =>
        Compute(path, AudioReader.Read(path, new AudioReadOptions { TargetSampleRate = Options.SampleRate }).Channels[0]);

    // Frame samples [start, start + NFft) of the signal, padded as the options say where they fall
    // outside it, times the window.
    private void FillFrame(ReadOnlySpan<float> samples, int start, float[] frame)
    {
        int n = frame.Length, length = samples.Length;
        bool reflect = Options.PadMode == PadMode.Reflect;
        if (start >= 0 && start + n <= length)
        {
            var inside = samples.Slice(start, n);
            for (int i = 0; i < n; i++) frame[i] = inside[i] * _window[i];
            return;
        }
        for (int i = 0; i < n; i++)
        {
            int j = start + i;
            float value;
            if (j >= 0 && j < length) value = samples[j];
            else if (!reflect) value = 0;
            // Mirror without repeating the edge sample; the length check in Compute keeps j within one reflection.
            else value = samples[j < 0 ? -j : 2 * (length - 1) - j];
            frame[i] = value * _window[i];
        }
    }

    private sealed class Workspace(LogMelOptions options)
    {
        public float[] Frame { get; } = new float[options.NFft];
        public float[] Power { get; } = new float[options.FrequencyBins];
        public PowerSpectrum Spectrum { get; } = new(options.NFft, options.Power);
    }
}
