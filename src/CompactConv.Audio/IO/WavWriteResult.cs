namespace CompactConv.Audio;

/// <summary>What <see cref="WavWriter.Write"/> had to change to store the samples.</summary>
/// <param name="ClippedSamples">Samples (counting every channel) outside -1..1 that were clipped to
/// the PCM range; always 0 for <see cref="WavSampleFormat.Float32"/>.</param>
public sealed record WavWriteResult(long ClippedSamples);
