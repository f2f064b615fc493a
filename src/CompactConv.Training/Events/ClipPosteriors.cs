namespace CompactConv.Events;

/// <summary>One clip's frame posteriors [frames, classes] and the file name its events carry.</summary>
/// <param name="File">File name written into the decoded events.</param>
/// <param name="Posteriors">Sigmoid outputs [frames, classes].</param>
public sealed record ClipPosteriors(string File, float[,] Posteriors);
