namespace CompactConv.Audio.Synthesis;

/// <summary>
/// What one split can draw from: the scenes that have clips on its side, and per scene the
/// background and event labels that do. Labels whose clips all went to the other side are left out
/// (weights renormalised) and reported.
/// </summary>
internal sealed class SceneChoices
{
    private SceneChoices(IReadOnlyList<Choice> scenes) => Scenes = scenes;

    /// <summary>A scene as one split sees it.</summary>
    public sealed record Choice(SceneSpec Scene, IReadOnlyList<string> Backgrounds, IReadOnlyList<string> Labels, IReadOnlyList<double> LabelWeights);

    /// <summary>Scenes usable on this side, in spec order.</summary>
    public IReadOnlyList<Choice> Scenes { get; }

    /// <summary>Works out the choices of <paramref name="split"/>, adding a line to <paramref name="warnings"/> for every left-out label or scene.</summary>
    public static SceneChoices For(SynthSpec spec, SourcePartition partition, SynthSplit split, int soundscapes, List<string> warnings)
    {
        var usable = new List<Choice>();
        string side = split.Name();
        foreach (var scene in spec.Scenes)
        {
            var backgrounds = scene.Backgrounds.Where(l => partition.Clips(split, SourceRole.Background, l).Count > 0).ToList();
            var labels = new List<string>();
            var weights = new List<double>();
            for (int i = 0; i < scene.Events.Labels.Count; i++)
            {
                string label = scene.Events.Labels[i];
                double weight = scene.Events.LabelWeights?[i] ?? 1.0;
                if (partition.Clips(split, SourceRole.Foreground, label).Count == 0) continue;
                if (weight <= 0) continue;
                labels.Add(label);
                weights.Add(weight);
            }
            if (soundscapes == 0) continue;
            foreach (var missing in scene.Backgrounds.Except(backgrounds))
                warnings.Add($"{side}: scene '{scene.Label}' has no clips of background label '{missing}' on this side");
            foreach (var missing in scene.Events.Labels.Where((l, i) => (scene.Events.LabelWeights?[i] ?? 1.0) > 0).Except(labels))
                warnings.Add($"{side}: scene '{scene.Label}' has no clips of event label '{missing}' on this side");
            if (backgrounds.Count == 0 || labels.Count == 0 && scene.Events.Count.Max > 0)
            {
                warnings.Add($"{side}: scene '{scene.Label}' is left out: no usable {(backgrounds.Count == 0 ? "background" : "event")} clips on this side");
                continue;
            }
            usable.Add(new Choice(scene, backgrounds, labels, weights));
        }
        if (soundscapes > 0 && usable.Count == 0)
            throw new DataException(spec.ErrorPath, $"no scene has clips on the {side} side for {soundscapes} {side} soundscapes (add clips per label or change the split fractions)");
        return new SceneChoices(usable);
    }
}
