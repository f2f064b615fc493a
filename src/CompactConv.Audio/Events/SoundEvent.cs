namespace CompactConv.Data.Events;

/// <summary>
/// One strongly labelled sound event: <paramref name="Label"/> sounds in <paramref name="File"/>
/// from <paramref name="Onset"/> to <paramref name="Offset"/> seconds. The unit of every event
/// list: annotations, detector output and the input of the sound event detection metrics.
/// </summary>
/// <param name="File">The audio file's name as written in the annotation (no folder).</param>
/// <param name="Onset">Start in seconds from the start of the file.</param>
/// <param name="Offset">End in seconds; not before <paramref name="Onset"/>.</param>
/// <param name="Label">Event class.</param>
public sealed record SoundEvent(string File, double Onset, double Offset, string Label)
{
    /// <summary>Length in seconds.</summary>
    public double Duration => Offset - Onset;
}
