using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

/// <summary>
/// An independent, deliberately plain log-mel reference: explicit padding loops, its own periodic
/// Hann window, a direct double-precision DFT (no FFT), then the filterbank and power_to_db.
/// Slow (O(frames * bins * n_fft)), so only for short signals.
/// </summary>
internal static class NaiveLogMel
{
    public static double[,] Compute(float[] signal, LogMelOptions o)
    {
        int n = o.NFft;
        int pad = o.Center ? n / 2 : 0;
        var x = new double[signal.Length + 2 * pad];
        for (int i = 0; i < x.Length; i++)
        {
            int j = i - pad;
            if (j >= 0 && j < signal.Length) x[i] = signal[j];
            else if (o.PadMode == PadMode.Reflect)
                x[i] = signal[j < 0 ? -j : 2 * (signal.Length - 1) - j]; // mirror, edge sample not repeated
        }

        int win = o.EffectiveWinLength, offset = (n - win) / 2;
        var window = new double[n];
        for (int i = 0; i < win; i++) window[offset + i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / win);

        var cos = new double[n];
        var sin = new double[n];
        for (int i = 0; i < n; i++) { cos[i] = Math.Cos(2 * Math.PI * i / n); sin[i] = Math.Sin(2 * Math.PI * i / n); }

        int frames = 1 + (x.Length - n) / o.HopLength;
        int bins = n / 2 + 1;
        var fb = MelFilterbank.Create(o);
        var db = new double[o.NMels, frames];
        var power = new double[bins];
        for (int t = 0; t < frames; t++)
        {
            for (int k = 0; k < bins; k++)
            {
                double re = 0, im = 0;
                for (int i = 0; i < n; i++)
                {
                    double v = x[t * o.HopLength + i] * window[i];
                    int phase = (int)((long)k * i % n); // exact table index keeps the twiddles accurate
                    re += v * cos[phase];
                    im -= v * sin[phase];
                }
                power[k] = Math.Pow(re * re + im * im, o.Power / 2);
            }
            for (int m = 0; m < o.NMels; m++)
            {
                double s = 0;
                for (int k = 0; k < bins; k++) s += fb[m, k] * power[k];
                db[m, t] = 10 * Math.Log10(Math.Max(o.AMin, s)) - 10 * Math.Log10(Math.Max(o.AMin, o.Ref));
            }
        }
        if (o.TopDb is { } top)
        {
            double max = db.Cast<double>().Max();
            for (int m = 0; m < o.NMels; m++)
                for (int t = 0; t < frames; t++) db[m, t] = Math.Max(db[m, t], max - top);
        }
        return db;
    }
}
