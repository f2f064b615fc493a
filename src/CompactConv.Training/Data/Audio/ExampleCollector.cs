namespace CompactConv.Data.Audio;

/// <summary>
/// Gathers the examples named by a dataset's metadata, reporting the ones listed twice, pointing
/// outside the dataset folder, or whose audio file is missing. Audio is never opened: decoding
/// problems belong to feature extraction.
/// </summary>
internal sealed class ExampleCollector(string dataDir, ProblemList problems)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir)) + Path.DirectorySeparatorChar;
    private readonly Dictionary<string, string> _firstSeen = new(StringComparer.Ordinal);
    private readonly List<Candidate> _candidates = [];

    /// <summary>Examples accepted so far, in the order added.</summary>
    public IReadOnlyList<Candidate> Candidates => _candidates;

    /// <summary>Adds the example at <paramref name="relativePath"/> unless it has a problem.</summary>
    /// <param name="relativePath">Path below the dataset folder, '/'-separated as in the metadata.</param>
    /// <param name="label">The example's class.</param>
    /// <param name="part">The split its metadata assigns.</param>
    /// <param name="where">"file line N" of the row, for problem texts.</param>
    /// <param name="device">See <see cref="AudioExample.Device"/>.</param>
    /// <param name="source">See <see cref="AudioExample.Source"/>.</param>
    /// <param name="fold">See <see cref="AudioExample.Fold"/>.</param>
    /// <param name="key">What must be unique across the dataset; the relative path when null
    /// (UrbanSound8K's file names are unique across its fold folders).</param>
    public void Add(string relativePath, string label, SplitPart part, string where,
        string? device = null, string? source = null, int? fold = null, string? key = null)
    {
        key ??= relativePath;
        if (_firstSeen.TryGetValue(key, out string? first))
        {
            problems.Add($"{where}: duplicate {key}, already listed at {first}");
            return;
        }
        _firstSeen[key] = where;

        string full = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (Path.IsPathRooted(relativePath) || !full.StartsWith(_root, StringComparison.Ordinal))
        {
            problems.Add($"{where}: {relativePath} is not a path inside the dataset folder");
            return;
        }
        if (!File.Exists(full))
        {
            problems.Add($"{where}: missing audio file {relativePath}");
            return;
        }
        _candidates.Add(new Candidate(new AudioExample(full, label, device, source, fold), part));
    }
}
