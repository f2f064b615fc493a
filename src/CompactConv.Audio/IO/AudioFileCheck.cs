namespace CompactConv.Audio;

/// <summary>
/// Validates many audio files up front so that a dataset run can list every bad file at once
/// (and skip them on request) instead of dying on the first.
/// </summary>
public static class AudioFileCheck
{
    /// <summary>
    /// Checks each file's header without decoding its samples: that it exists and is WAV or Ogg
    /// Vorbis, for WAV that the fmt and data chunks are present, supported and consistent, and that
    /// the data chunk fits in the file; for Ogg that the Vorbis headers parse and name channels and
    /// a rate. What only decoding reveals (NaN samples in float WAV, damage inside an Ogg stream)
    /// still surfaces when <see cref="AudioReader.Read"/> reads the file.
    /// </summary>
    /// <returns>One entry per bad file, in input order, with the same problem text
    /// <see cref="AudioReader.Read"/> would report; empty when every file passes.</returns>
    public static IReadOnlyList<(string Path, string Problem)> Check(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<(string Path, string Problem)>();
        foreach (var path in paths)
        {
            if (string.IsNullOrEmpty(path))
            {
                problems.Add((path ?? "", "empty file name"));
                continue;
            }
            try
            {
                CheckOne(path);
            }
            catch (DataException e)
            {
                problems.Add((path, ProblemOf(e)));
            }
        }
        return problems;
    }

    private static void CheckOne(string path) =>
        AudioFileAccess.Read(path, file =>
        {
            if (AudioContainerDetector.Detect(file, path) == AudioContainer.Wav)
                WavHeaderReader.Read(file, path);
            else
                OggVorbisDecoder.CheckHeaders(file, path);
            return 0;
        });

    // DataException prefixes its message with the path; the list carries the path separately.
    private static string ProblemOf(DataException e)
    {
        string prefix = e.Path + ": ";
        return e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
    }
}
