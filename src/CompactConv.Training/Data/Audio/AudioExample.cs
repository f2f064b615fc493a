namespace CompactConv.Data.Audio;

/// <summary>One labelled audio clip of a dataset, as listed by its metadata.</summary>
/// <param name="Path">Absolute path of the audio file; the loaders only check that it exists.</param>
/// <param name="Label">Class name, one of <see cref="AudioSplits.ClassNames"/>.</param>
/// <param name="Device">Recording device of a TAU clip ("a", "b", "c", "s1" ... "s6"), taken from the
/// last '-' token of its file name; null for datasets without devices.</param>
/// <param name="Source">The recording a clip was cut from (TAU <c>identifier</c>, ESC-50 <c>src_file</c>,
/// UrbanSound8K <c>fsID</c>); clips of one source are kept on one side of a split. Null when unknown.</param>
/// <param name="Fold">The dataset's own fold of the clip (ESC-50, UrbanSound8K); null otherwise.</param>
public sealed record AudioExample(string Path, string Label, string? Device, string? Source, int? Fold);
