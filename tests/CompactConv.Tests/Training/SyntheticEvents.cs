using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Training;
using CompactConv.Training.Augmentation;
using static TorchSharp.torch;

namespace CompactConv.Tests.Training;

/// <summary>
/// A tiny learnable detection task: class 0 lights mel rows 2-4 and class 1 rows 10-12 for a random
/// span of frames, over uniform noise; frame targets mark the lit frames.
/// </summary>
public static class SyntheticEvents
{
    public const int Mels = 16;
    public const int Frames = 48;
    public static readonly string[] Classes = ["low", "high"];
    private static readonly int[] FirstRow = [2, 10];

    public static EventTensorDataset Make(int count, int seed, bool withClipTargets = false)
    {
        var random = new Random(seed);
        var inputs = new float[count, 1, Mels, Frames];
        var frames = new float[count, Frames, Classes.Length];
        var clips = new float[count, Classes.Length];
        for (int i = 0; i < count; i++)
        {
            for (int m = 0; m < Mels; m++)
            {
                for (int t = 0; t < Frames; t++) inputs[i, 0, m, t] = (float)(random.NextDouble() * 0.6 - 0.3);
            }
            for (int k = 0; k < Classes.Length; k++)
            {
                if (random.NextDouble() > 0.7) continue;
                int onset = random.Next(0, 40), offset = Math.Min(Frames, onset + random.Next(6, 21));
                clips[i, k] = 1;
                for (int t = onset; t < offset; t++)
                {
                    frames[i, t, k] = 1;
                    for (int m = FirstRow[k]; m < FirstRow[k] + 3; m++) inputs[i, 0, m, t] += 1;
                }
            }
        }
        return new EventTensorDataset(tensor(inputs), tensor(frames), withClipTargets ? tensor(clips) : null);
    }

    public static RunConfig Config(int epochs, ConvKind kind = ConvKind.Compact, string model = "crnn", double lr = 0.01,
        AugmentationOptions? augmentation = null) => new()
    {
        Task = "events",
        Dataset = "synthetic",
        Model = new ModelSpec { Name = model, Conv = kind, Width = 0.125, InputShape = [1, Mels, Frames], NumClasses = Classes.Length },
        ClassNames = Classes,
        Normalization = new Normalization([0.0], [1.0]),
        Training = new TrainingOptions
        {
            Epochs = epochs, BatchSize = 8, LearningRate = lr, Optimizer = OptimizerKind.AdamW, WeightDecay = 0, Seed = 11,
            Augmentation = augmentation ?? new AugmentationOptions(),
        },
    };
}
