using CompactConv.Data.Audio;

namespace CompactConv.Data.Events;

/// <summary>
/// Gathers the clips the annotations name, reporting a name listed twice in a split, an audio file
/// claimed twice, a name pointing outside its audio folder, or a missing audio file.
/// </summary>
internal sealed class EventClipCollector(string dataDir, ProblemList problems)
{
    private readonly Dictionary<(EventSplit, string), string> _names = [];
    private readonly Dictionary<string, (EventSplit Split, string Where)> _paths = new(StringComparer.Ordinal);
    private readonly List<AnnotatedClip> _clips = [];

    /// <summary>Clips accepted so far, in the order added.</summary>
    public IReadOnlyList<AnnotatedClip> Clips => _clips;

    /// <summary>Adds the clip <paramref name="fileName"/> of <paramref name="audioFolder"/> unless it has a problem.</summary>
    public void Add(EventSplit split, string fileName, string audioFolder, string where,
        IReadOnlyList<AnnotatedEvent> events, IReadOnlyList<string>? weakLabels)
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(audioFolder)) + Path.DirectorySeparatorChar;
        string full = Path.GetFullPath(Path.Combine(root, fileName));
        if (Path.IsPathRooted(fileName) || !full.StartsWith(root, StringComparison.Ordinal))
        {
            problems.Add($"{where}: {fileName} is not a path inside {EventPaths.Relative(dataDir, audioFolder)}");
            return;
        }
        // The evaluation matches detections to references by file name, so a name must be unique in its split.
        if (!_names.TryAdd((split, fileName), where))
        {
            problems.Add($"{where}: {fileName} is listed twice in the {EventPaths.Name(split)} split, first at {_names[(split, fileName)]}");
            return;
        }
        if (_paths.TryGetValue(full, out var first))
        {
            problems.Add($"{where}: {EventPaths.Relative(dataDir, full)} is already listed for {EventPaths.Name(first.Split)} at {first.Where}");
            return;
        }
        _paths[full] = (split, where);
        if (!File.Exists(full))
        {
            problems.Add($"{where}: missing audio file {EventPaths.Relative(dataDir, full)}");
            return;
        }
        _clips.Add(new AnnotatedClip(split, fileName, full, where, events, weakLabels));
    }
}
