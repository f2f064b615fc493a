using CompactConv.Runtime;
using CompactConv.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>Runs a classifier over a dataset in evaluation mode and tallies its metrics.</summary>
public static class Evaluator
{
    /// <summary>
    /// Accuracy, per-class accuracy, confusion matrix and log-loss of <paramref name="model"/> on
    /// <paramref name="data"/>. With <paramref name="segmentFrames"/>, each input is cut along its
    /// last axis into consecutive segments of that length (the last one aligned to the end) and
    /// the clip's class probabilities are the mean over its segments, as for models trained on crops.
    /// </summary>
    public static ClassificationMetrics Evaluate(nn.Module<Tensor, Tensor> model, TensorDataset data,
        IReadOnlyList<string> classNames, int batchSize = 500, int? segmentFrames = null)
    {
        var probabilities = PredictProbabilities(model, data.Inputs, batchSize, segmentFrames);
        var truth = data.Labels.data<long>().ToArray();
        return ClassificationMetrics.FromProbabilities(truth, probabilities, classNames);
    }

    /// <summary>Class probabilities [N, classes] for every input, averaged over segments when <paramref name="segmentFrames"/> is set.</summary>
    public static float[,] PredictProbabilities(nn.Module<Tensor, Tensor> model, Tensor inputs, int batchSize = 500, int? segmentFrames = null) =>
        InferenceMode.Run(model, () =>
        {
            long count = inputs.shape[0];
            var device = ComputeDevice.Of(model);
            float[,]? result = null;
            for (long start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                long length = Math.Min(batchSize, count - start);
                var batch = ComputeDevice.OnDevice(inputs.narrow(0, start, length), device);
                var probabilities = segmentFrames is { } frames ? SegmentAverage(model, batch, frames) : nn.functional.softmax(model.call(batch), 1);
                var values = probabilities.to_type(ScalarType.Float32).cpu().data<float>().ToArray();
                int classes = (int)probabilities.shape[1];
                result ??= new float[count, classes];
                for (long i = 0; i < length; i++)
                {
                    for (int c = 0; c < classes; c++) result[start + i, c] = values[i * classes + c];
                }
            }
            return result ?? new float[0, 0];
        });

    /// <summary>Start offsets of consecutive segments covering <paramref name="length"/> frames, the last aligned to the end.</summary>
    public static long[] SegmentStarts(long length, int frames)
    {
        if (length <= frames) return [0];
        var starts = new List<long>();
        for (long s = 0; s + frames <= length; s += frames) starts.Add(s);
        if (starts[^1] + frames < length) starts.Add(length - frames);
        return starts.ToArray();
    }

    private static Tensor SegmentAverage(nn.Module<Tensor, Tensor> model, Tensor batch, int frames)
    {
        long length = batch.shape[^1];
        var starts = SegmentStarts(length, frames);
        Tensor? sum = null;
        foreach (var start in starts)
        {
            var segment = batch.narrow(-1, start, Math.Min(frames, length));
            var p = nn.functional.softmax(model.call(segment), 1);
            sum = sum is null ? p : sum + p;
        }
        return sum! / starts.Length;
    }
}
