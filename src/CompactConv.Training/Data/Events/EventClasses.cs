namespace CompactConv.Data.Events;

/// <summary>
/// The class list of an event dataset: every label of its training clips, sorted ordinally. Taken from
/// the data rather than fixed per dataset so that subsets and home-made sets in a known layout work; the
/// dataset's official classes only serve to flag a training label that looks like a typo.
/// </summary>
internal static class EventClasses
{
    /// <summary>URBAN-SED's ten classes (those of UrbanSound8K).</summary>
    public static readonly IReadOnlyList<string> UrbanSed =
    [
        "air_conditioner", "car_horn", "children_playing", "dog_bark", "drilling",
        "engine_idling", "gun_shot", "jackhammer", "siren", "street_music",
    ];

    /// <summary>DESED's ten domestic classes (DCASE task 4, 2019 onwards).</summary>
    public static readonly IReadOnlyList<string> Desed =
    [
        "Alarm_bell_ringing", "Blender", "Cat", "Dishes", "Dog",
        "Electric_shaver_toothbrush", "Frying", "Running_water", "Speech", "Vacuum_cleaner",
    ];

    /// <summary>The distinct labels of the training clips' events and weak labels, sorted ordinally.</summary>
    public static List<string> FromTraining(IEnumerable<AnnotatedClip> clips) =>
        clips.Where(c => c.Split == EventSplit.Train)
            .SelectMany(c => c.WeakLabels ?? c.Events.Select(e => e.Event.Label))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Notes each class that is not among <paramref name="official"/> (null: no official list).</summary>
    public static void NoteUnofficial(IReadOnlyList<string> classNames, IReadOnlyList<string>? official, string dataset, List<string> notes)
    {
        if (official is null)
            return;
        foreach (string name in classNames.Where(c => !official.Contains(c, StringComparer.Ordinal)))
            notes.Add($"training label '{name}' is not one of {dataset}'s classes ({string.Join(", ", official)})");
    }

    /// <summary>Notes each class no clip of <paramref name="train"/> has, <paramref name="when"/> ("after ...").</summary>
    public static void NoteUntrained(IReadOnlyList<string> classNames, IEnumerable<EventExample> train, string when, List<string> notes)
    {
        var trained = train.SelectMany(e => e.Labels).ToHashSet(StringComparer.Ordinal);
        foreach (string name in classNames.Where(c => !trained.Contains(c)))
            notes.Add($"class '{name}' has no training clip left {when}");
    }
}
