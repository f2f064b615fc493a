namespace CompactConv.Audio.Synthesis;

/// <summary>The clips of every label a spec names, found in DIR/&lt;label&gt;/ and sorted by name so the order never depends on the file system.</summary>
public sealed class SourceLibrary
{
    private SourceLibrary(IReadOnlyDictionary<string, IReadOnlyList<SourceClip>> foreground, IReadOnlyDictionary<string, IReadOnlyList<SourceClip>> background)
    {
        Foreground = foreground;
        Background = background;
    }

    /// <summary>Event clips by label.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SourceClip>> Foreground { get; }

    /// <summary>Background recordings by label.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SourceClip>> Background { get; }

    /// <summary>
    /// Scans the folders for the labels <paramref name="spec"/> uses. A missing root or label folder
    /// throws <see cref="DataException"/> naming the spec; a label folder without clips names that folder.
    /// </summary>
    public static SourceLibrary Scan(SynthSpec spec, IReadOnlyList<string> extensions)
    {
        var foreground = new SortedDictionary<string, IReadOnlyList<SourceClip>>(StringComparer.Ordinal);
        var background = new SortedDictionary<string, IReadOnlyList<SourceClip>>(StringComparer.Ordinal);
        CheckRoot(spec, spec.ForegroundDir, "foreground_dir");
        CheckRoot(spec, spec.BackgroundDir, "background_dir");
        foreach (var scene in spec.Scenes)
        {
            foreach (var label in scene.Events.Labels)
                if (!foreground.ContainsKey(label))
                    foreground[label] = ScanLabel(spec, SourceRole.Foreground, spec.ForegroundDir, label, $"scene '{scene.Label}': event label", extensions);
            foreach (var label in scene.Backgrounds)
                if (!background.ContainsKey(label))
                    background[label] = ScanLabel(spec, SourceRole.Background, spec.BackgroundDir, label, $"scene '{scene.Label}': background label", extensions);
        }
        return new SourceLibrary(foreground, background);
    }

    /// <summary>Every clip, foreground first, each group in label then name order.</summary>
    public IEnumerable<SourceClip> All => Foreground.Values.SelectMany(c => c).Concat(Background.Values.SelectMany(c => c));

    private static void CheckRoot(SynthSpec spec, string folder, string field)
    {
        if (!Directory.Exists(folder)) throw new DataException(spec.ErrorPath, $"'{field}' folder {folder} does not exist");
    }

    private static List<SourceClip> ScanLabel(SynthSpec spec, SourceRole role, string root, string label, string what, IReadOnlyList<string> extensions)
    {
        var folder = Path.Combine(root, label);
        if (!Directory.Exists(folder))
        {
            var present = Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            string found = present.Count == 0 ? "it has no label folders" : $"found: {string.Join(", ", present)}";
            throw new DataException(spec.ErrorPath, $"{what} '{label}' has no folder in {root} ({found})");
        }
        var clips = Directory.GetFiles(folder)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(f => new SourceClip(role, label, f))
            .ToList();
        if (clips.Count == 0) throw new DataException(folder, $"label folder holds no clips ({string.Join(", ", extensions)})");
        foreach (var clip in clips)
        {
            if (Path.GetFileName(clip.Path).IndexOfAny(['\t', '\n', '\r']) >= 0)
                throw new DataException(clip.Path, "file name contains a tab or line break, which the TSV outputs cannot hold");
        }
        return clips;
    }
}
