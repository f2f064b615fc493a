namespace CompactConv.Audio;

/// <summary>How <see cref="AudioReader"/> delivers a file's audio.</summary>
/// <param name="TargetSampleRate">When set and different from the file's rate, the audio is
/// resampled to it with <see cref="Resampler"/>; null keeps the file's rate.</param>
/// <param name="KeepChannels">False (the default) mixes all channels to one by averaging them;
/// true keeps every channel of the file.</param>
public sealed record AudioReadOptions(int? TargetSampleRate = null, bool KeepChannels = false);
