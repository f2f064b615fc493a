// Trains a network of your own, which no registry knows, on the Fashion-MNIST subset that ships
// with CompactConv, then scores it on the test split. Nothing is written to disk: the module ends
// holding the weights of its best epoch on the validation images.
using CompactConv.Data;
using CompactConv.Training;
using TorchSharp;
using static TorchSharp.torch;

var splits = MnistFamily.Load("fashion-mnist", dataDir: null);
using var train = Tensors(splits.Train, first: 0, count: 3000);
using var validation = Tensors(splits.Train, first: 3000, count: 500);
using var test = Tensors(splits.Test, first: 0, count: 1000);
var normalization = train.ComputeNormalization();
foreach (var set in new[] { train, validation, test }) set.Normalize(normalization);

manual_seed(1);
using var model = new TinyCnn(classes: splits.Train.ClassNames.Count);
var options = new TrainingOptions { Epochs = 2, BatchSize = 64, LearningRate = 0.003, Optimizer = OptimizerKind.AdamW, Seed = 1 };
var trainer = new Trainer(model, options)
{
    Device = CPU,
    Observer = new TrainingCallbacks { Epoch = e => Console.WriteLine($"epoch {e.Epoch}: loss {e.TrainLoss:F3}, validation accuracy {e.ValidationAccuracy:P1}") },
};
var result = trainer.Fit(train, validation);

var metrics = Evaluator.Evaluate(model, test, splits.Test.ClassNames);
Console.WriteLine($"best epoch {result.BestEpoch}; test accuracy {metrics.Accuracy:P1} on {test.Count} images");

static TensorDataset Tensors(ImageDataset images, int first, int count)
{
    var (inputs, labels) = images.ToTensors(Enumerable.Range(first, count).ToArray());
    return new TensorDataset(inputs, labels);
}

// Two convolutions and a linear classifier: any nn.Module<Tensor, Tensor> that maps images to logits will do.
sealed class TinyCnn : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> layers;

    public TinyCnn(int classes) : base(nameof(TinyCnn))
    {
        layers = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * 7 * 7, classes));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.call(input);
}
