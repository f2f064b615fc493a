namespace CompactConv.Audio.Synthesis;

/// <summary>Whether a clip is a foreground event or a background recording.</summary>
public enum SourceRole
{
    /// <summary>An isolated event clip.</summary>
    Foreground,

    /// <summary>An ambience recording laid under a whole soundscape.</summary>
    Background,
}

/// <summary>One source clip found in a label folder.</summary>
/// <param name="Role">Foreground or background.</param>
/// <param name="Label">The label folder it was found in.</param>
/// <param name="Path">Absolute path.</param>
public sealed record SourceClip(SourceRole Role, string Label, string Path)
{
    /// <summary>Path relative to its root folder (<c>label/file.wav</c>), as written to sources.tsv.</summary>
    public string RelativePath => $"{Label}/{System.IO.Path.GetFileName(Path)}";

    /// <summary>
    /// Recording identifier for meta.csv (<c>label-stem</c>): soundscapes sharing a background
    /// recording share it, so loaders that group by identifier keep them on one side of a split.
    /// </summary>
    public string Identifier => $"{Label}-{System.IO.Path.GetFileNameWithoutExtension(Path)}";
}
