using System.Text.Json;
using CompactConv.IO;
using CompactConv.Layers;
using CompactConv.Metrics;
using CompactConv.Training;

namespace CompactConv.Reports;

/// <summary>What <c>compactconv eval</c> leaves in a run folder, for every task.</summary>
public static class EvaluationReports
{
    /// <summary>
    /// Writes metrics.json (accuracy, macro and class-wise accuracy, log-loss, confusion matrix, and
    /// device-wise accuracy when <paramref name="byDevice"/> is given), confusion.csv and confusion.png.
    /// Keys that do not apply are left out rather than written empty: device-wise accuracy for image
    /// runs (pass null), op and r for conv kinds without a channel pool or group size.
    /// </summary>
    public static void Write(string runFolder, ClassificationMetrics metrics, IReadOnlyDictionary<string, double>? byDevice, RunConfig config, string dataSource, string checkpoint)
    {
        var model = config.Model;
        var document = new Dictionary<string, object?>
        {
            ["task"] = config.Task,
            ["model"] = model.Name,
            ["conv"] = model.Conv.Name(),
        };
        if (model.Conv.UsesChannelPool()) document["op"] = model.ConvOptions.Op.Name();
        if (model.Conv.UsesGroupSize()) document["r"] = model.ConvOptions.R;
        document["checkpoint"] = checkpoint;
        document["data"] = dataSource;
        document["samples"] = metrics.Count;
        document["accuracy"] = metrics.Accuracy;
        document["macro_accuracy"] = metrics.MacroAccuracy;
        document["log_loss"] = metrics.Loss;
        document["class_wise_accuracy"] = metrics.ClassNames.Select((name, i) => new { name, accuracy = metrics.PerClassAccuracy[i] });
        if (byDevice is not null) document["device_wise_accuracy"] = byDevice;
        document["class_names"] = metrics.ClassNames;
        document["confusion_matrix"] = metrics.ConfusionRows();
        AtomicFile.WriteText(Path.Combine(runFolder, "metrics.json"), JsonSerializer.Serialize(document, RunConfig.JsonOptions));
        ConfusionMatrixReport.WriteCsv(Path.Combine(runFolder, "confusion.csv"), metrics);
        ConfusionMatrixReport.WritePng(Path.Combine(runFolder, "confusion.png"), metrics, $"{model.Name} {model.ConvLabel}");
    }
}
