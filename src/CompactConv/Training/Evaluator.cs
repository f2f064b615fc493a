using CompactConv.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>Runs a classifier over a dataset in evaluation mode and tallies its metrics.</summary>
public static class Evaluator
{
    /// <summary>Accuracy, per-class accuracy, confusion matrix and mean cross-entropy of <paramref name="model"/> on <paramref name="data"/>.</summary>
    public static ClassificationMetrics Evaluate(nn.Module<Tensor, Tensor> model, TensorDataset data,
        IReadOnlyList<string> classNames, int batchSize = 500)
    {
        bool wasTraining = model.training;
        model.eval();
        var truth = new long[data.Count];
        var predicted = new long[data.Count];
        double lossSum = 0;
        try
        {
            using var noGrad = no_grad();
            for (long start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                long length = Math.Min(batchSize, data.Count - start);
                var inputs = data.Inputs.narrow(0, start, length);
                var labels = data.Labels.narrow(0, start, length);
                var logits = model.call(inputs);
                lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
                var batchPredictions = logits.argmax(1).data<long>().ToArray();
                var batchTruth = labels.data<long>().ToArray();
                Array.Copy(batchPredictions, 0, predicted, start, length);
                Array.Copy(batchTruth, 0, truth, start, length);
            }
        }
        finally
        {
            model.train(wasTraining);
        }
        return new ClassificationMetrics(truth, predicted, classNames) { Loss = data.Count == 0 ? double.NaN : lossSum / data.Count };
    }
}
