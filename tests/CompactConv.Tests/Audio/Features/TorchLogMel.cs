using CompactConv.Audio.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Audio.Features;

/// <summary>
/// The log-mel front end as libtorch computes it, in float32 like the tensor extractor that the
/// runs trained before the plain C# one used: torch.stft, |X|^power, the filterbank as a matrix
/// product, power_to_db over the whole example. The parity tests hold <see cref="LogMelSpectrogram"/>
/// to it, so that models trained on those features see the same inputs.
/// </summary>
internal static class TorchLogMel
{
    public static float[,] Compute(float[] signal, LogMelOptions o)
    {
        using var scope = NewDisposeScope();
        var spectrum = stft(tensor(signal), o.NFft, hop_length: o.HopLength, win_length: o.NFft,
            window: tensor(AnalysisWindow.Create(o)), center: o.Center,
            pad_mode: o.PadMode == PadMode.Reflect ? PaddingModes.Reflect : PaddingModes.Constant,
            onesided: true, return_complex: true);                   // [bins, frames]
        var power = o.Power == 2.0 ? spectrum.real.square() + spectrum.imag.square() : spectrum.abs().pow(o.Power);
        var bank = MelFilterbank.Create(o);
        var weights = tensor(bank.Cast<float>().ToArray(), [bank.GetLength(0), bank.GetLength(1)]);
        var db = matmul(weights, power).clamp_min(o.AMin).log10().mul(10.0).sub(10.0 * Math.Log10(Math.Max(o.AMin, o.Ref)));
        if (o.TopDb is { } top) db = maximum(db, db.max() - top);
        var result = new float[db.shape[0], db.shape[1]];
        var values = db.contiguous().data<float>().ToArray();
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(float));
        return result;
    }
}
