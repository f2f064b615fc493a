using System.Globalization;
using CompactConv.Data.Audio;

namespace CompactConv.Data.Events;

/// <summary>
/// Moves a seeded share of the strongly labelled training clips to validation, for layouts without a
/// validation split. File by file: event datasets name no recordings that clips share. Weak clips stay
/// in training because model selection for detection needs event references.
/// </summary>
internal static class EventHoldOut
{
    /// <summary>Divides <paramref name="train"/>; both parts keep the input order. Says what it did in <paramref name="notes"/>.</summary>
    public static (List<EventExample> Train, List<EventExample> Validation) Split(
        IReadOnlyList<EventExample> train, double fraction, int seed, IReadOnlyList<string> classNames, List<string> notes)
    {
        var strong = train.Where(e => !e.IsWeak).ToList();
        int count = Count(strong.Count, fraction);
        if (count == 0)
        {
            if (fraction > 0)
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"the layout has no validation split and {strong.Count} strongly labelled training clip(s) are too few to hold any out"));
            return (train.ToList(), []);
        }

        var heldOut = SeededShuffle.Shuffle(strong, seed).Take(count).ToHashSet();
        var keep = train.Where(e => !heldOut.Contains(e)).ToList();
        var validation = train.Where(heldOut.Contains).ToList();
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"the layout has no validation split: {count} of {strong.Count} strongly labelled training clips held out at random (fraction {fraction}, seed {seed})"));
        EventClasses.NoteUntrained(classNames, keep, "after the validation hold-out", notes);
        return (keep, validation);
    }

    // Rounded share, but with two or more clips both sides keep at least one.
    private static int Count(int clips, double fraction)
    {
        if (fraction <= 0 || clips < 2)
            return 0;
        return Math.Clamp((int)Math.Round(clips * fraction, MidpointRounding.AwayFromZero), 1, clips - 1);
    }
}
