namespace CompactConv.Audio.Synthesis;

/// <summary>The two sides of the generated set; no source clip is used on both.</summary>
public enum SynthSplit
{
    /// <summary>Training soundscapes (fold1_train.csv).</summary>
    Train,

    /// <summary>Test soundscapes (fold1_evaluate.csv and fold1_test.csv).</summary>
    Test,
}

/// <summary>Names of the splits as they appear in file names.</summary>
public static class SynthSplitNames
{
    /// <summary><c>train</c> or <c>test</c>.</summary>
    public static string Name(this SynthSplit split) => split == SynthSplit.Train ? "train" : "test";
}
