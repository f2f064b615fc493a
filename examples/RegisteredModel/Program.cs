// Registers a model under a name of its own, so that it is created like the built-in ones (and,
// in an application that registers it, by `--model` and saved runs), builds it with compact
// convolutions, prints its cost and trains it briefly through the same API as any module.
using CompactConv.Complexity;
using CompactConv.Data;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Training;
using TorchSharp;
using static TorchSharp.torch;

ModelRegistry.Register("tiny-compact", spec => new TinyCompact(spec));
Console.WriteLine($"registered: {ModelRegistry.Contains("tiny-compact")}");

var spec = new ModelSpec { Name = "tiny-compact", Conv = ConvKind.Compact, InputShape = [1, 28, 28], NumClasses = 10 };
var options = new TrainingOptions { Epochs = 1, BatchSize = 64, LearningRate = 0.01, Optimizer = OptimizerKind.AdamW, Seed = 2 };
manual_seed(options.Seed);
using var model = ModelRegistry.Create(spec);
Console.WriteLine($"{spec.Name} ({spec.ConvLabel}): {ModelCost.Measure(model, [1, 28, 28]).ToSummaryLine()}");

var splits = MnistFamily.Load("fashion-mnist", dataDir: null);
var (inputs, labels) = splits.Train.ToTensors(Enumerable.Range(0, 2000).ToArray());
using var train = new TensorDataset(inputs, labels);
var (testInputs, testLabels) = splits.Test.ToTensors(Enumerable.Range(0, 500).ToArray());
using var test = new TensorDataset(testInputs, testLabels);
var normalization = train.ComputeNormalization();
train.Normalize(normalization);
test.Normalize(normalization);

var result = new Trainer(model, options).Fit(train);
var accuracy = Evaluator.Evaluate(model, test, splits.Test.ClassNames).Accuracy;
Console.WriteLine($"trained {result.EpochsCompleted} epoch(s): loss {result.History[^1].TrainLoss:F3}; test accuracy {accuracy:P1} on {test.Count} images");

// A stem, one convolution of the kind the spec names (compact: depth-wise, channel pool, 1x1) and a classifier.
sealed class TinyCompact : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> layers;

    public TinyCompact(ModelSpec spec) : base(nameof(TinyCompact))
    {
        layers = nn.Sequential(
            ConvFactory.Create(ConvKind.Standard, spec.InputShape[0], 16, 3), nn.MaxPool2d(2),
            ConvFactory.Create(spec.Conv, 16, 32, 3, options: spec.ConvOptions), nn.MaxPool2d(2),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, spec.NumClasses));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.call(input);
}
