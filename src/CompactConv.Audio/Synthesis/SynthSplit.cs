namespace CompactConv.Audio.Synthesis;

/// <summary>The sides of the generated set; no source clip is used on two of them.</summary>
/// <remarks>The values seed each soundscape's random stream, so they never change: Validate came last.</remarks>
public enum SynthSplit
{
    /// <summary>Training soundscapes (fold1_train.csv, or audio/train/).</summary>
    Train = 0,

    /// <summary>Test soundscapes (fold1_evaluate.csv and fold1_test.csv, or audio/test/).</summary>
    Test = 1,

    /// <summary>Validation soundscapes (fold1_validate.csv, or audio/validate/); only when the spec asks for them.</summary>
    Validate = 2,
}

/// <summary>Names of the splits as they appear in file and folder names.</summary>
public static class SynthSplitNames
{
    /// <summary><c>train</c>, <c>validate</c> or <c>test</c>.</summary>
    public static string Name(this SynthSplit split) => split switch
    {
        SynthSplit.Train => "train",
        SynthSplit.Validate => "validate",
        _ => "test",
    };
}
