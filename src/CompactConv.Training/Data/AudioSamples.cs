namespace CompactConv.Data;

/// <summary>
/// The small embedded audio sample set (<c>data/audio-samples</c>; data/README.md lists every clip with
/// its source and licence): background recordings and event clips that the audio demos mix into
/// soundscapes, next to the demos' synthesis specs.
/// </summary>
public static class AudioSamples
{
    /// <summary>The set's folder relative to the repository root or the program folder.</summary>
    public static readonly string RelativeDir = Path.Combine("data", "audio-samples");

    /// <summary>
    /// The folder that holds <paramref name="specFile"/>: <paramref name="dir"/> when given, else the first
    /// of <paramref name="candidates"/> (default: <see cref="EmbeddedDataFolders.Candidates"/>) that has it.
    /// </summary>
    /// <exception cref="DataException"><paramref name="dir"/> lacks the spec, or no candidate has it.</exception>
    public static string Locate(string specFile, string? dir = null, IReadOnlyList<string>? candidates = null)
    {
        if (dir is not null)
        {
            string spec = Path.Combine(dir, specFile);
            return File.Exists(spec)
                ? dir
                : throw new DataException(spec, "missing: a sample folder for the audio demo holds its synthesis spec next to the backgrounds/ and events/ folders");
        }
        candidates ??= EmbeddedDataFolders.Candidates(RelativeDir);
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, specFile)))
            ?? throw new DataException(candidates.Count > 0 ? candidates[0] : RelativeDir,
                $"the embedded audio sample set ({specFile}) is not here nor in any parent folder; give a sample folder as {nameof(Pipelines.AudioDemoOptions)}.{nameof(Pipelines.AudioDemoOptions.SamplesDir)}");
    }
}
