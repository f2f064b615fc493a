namespace CompactConv.Data.Audio;

/// <summary>One data row of a metadata table whose column count matched its header.</summary>
/// <param name="Where">"file line N", for problem texts.</param>
/// <param name="Fields">The row's values by column index.</param>
internal sealed record TableRow(string Where, string[] Fields);
