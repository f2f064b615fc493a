namespace CompactConv.Audio.Synthesis;

/// <summary>How the soundscapes and their labels are laid out in the output folder (docs/synth.md).</summary>
public enum SynthLayout
{
    /// <summary>TAU Urban Acoustic Scenes: audio/NAME.wav, meta.csv, evaluation_setup/fold1_*.csv, plus annotations.</summary>
    Tau,

    /// <summary>URBAN-SED: audio/SPLIT/NAME.wav, annotations/SPLIT/NAME.txt and metadata/SPLIT.tsv.</summary>
    UrbanSed,
}

/// <summary>Names of the layouts as the spec's <c>layout</c> field and <c>--layout</c> give them.</summary>
public static class SynthLayoutNames
{
    /// <summary>Every layout name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<SynthLayout>().Select(Name).ToArray();

    /// <summary><c>tau</c> or <c>urbansed</c>.</summary>
    public static string Name(this SynthLayout layout) => layout == SynthLayout.UrbanSed ? "urbansed" : "tau";

    /// <summary>The layout called <paramref name="name"/>; null for a name no layout has.</summary>
    public static SynthLayout? Parse(string name)
    {
        foreach (var layout in Enum.GetValues<SynthLayout>())
            if (layout.Name() == name) return layout;
        return null;
    }
}
