using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Tests.Training;

/// <summary>A tiny learnable image task: class k is a bright 8x8 square in quadrant k, plus noise.</summary>
public static class SyntheticImages
{
    public static TensorDataset Make(int count, int seed, int classes = 4)
    {
        var generator = new Random(seed);
        var pixels = new float[count * 28 * 28];
        var labels = new long[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % classes;
            labels[i] = label;
            int top = label / 2 * 14 + 3, left = label % 2 * 14 + 3;
            for (int y = 0; y < 28; y++)
            {
                for (int x = 0; x < 28; x++)
                {
                    bool inSquare = y >= top && y < top + 8 && x >= left && x < left + 8;
                    pixels[i * 784 + y * 28 + x] = (inSquare ? 1f : 0f) + (float)(generator.NextDouble() * 0.6 - 0.3);
                }
            }
        }
        return new TensorDataset(tensor(pixels).reshape(count, 1, 28, 28), tensor(labels));
    }

    public static RunConfig Config(int epochs, ConvKind kind = ConvKind.Compact, double lr = 0.01) => new()
    {
        Dataset = "synthetic",
        Model = new ModelSpec { Name = "smallcnn", Conv = kind, Width = 0.25, InputShape = [1, 28, 28], NumClasses = 4 },
        ClassNames = ["top-left", "top-right", "bottom-left", "bottom-right"],
        Normalization = new Normalization([0.0], [1.0]),
        Training = new TrainingOptions { Epochs = epochs, BatchSize = 16, LearningRate = lr, Optimizer = OptimizerKind.AdamW, WeightDecay = 0, Seed = 7, EvalBatchSize = 32 },
    };
}
