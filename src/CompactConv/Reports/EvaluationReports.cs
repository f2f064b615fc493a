using System.Text.Json;
using CompactConv.IO;
using CompactConv.Metrics;
using CompactConv.Training;

namespace CompactConv.Reports;

/// <summary>What <c>compactconv eval</c> leaves in a run folder, for every task.</summary>
public static class EvaluationReports
{
    /// <summary>Writes metrics.json (accuracy, macro and class-wise accuracy, log-loss, confusion matrix, device-wise accuracy), confusion.csv and confusion.png.</summary>
    public static void Write(string runFolder, ClassificationMetrics metrics, IReadOnlyDictionary<string, double>? byDevice, RunConfig config, string dataSource, string checkpoint)
    {
        var document = new
        {
            task = config.Task,
            model = config.Model.Name,
            conv = config.Model.Conv.ToString().ToLowerInvariant(),
            op = config.Model.Op.ToString().ToLowerInvariant(),
            r = config.Model.R,
            checkpoint,
            data = dataSource,
            samples = metrics.Count,
            accuracy = metrics.Accuracy,
            macro_accuracy = metrics.MacroAccuracy,
            log_loss = metrics.Loss,
            class_wise_accuracy = metrics.ClassNames.Select((name, i) => new { name, accuracy = metrics.PerClassAccuracy[i] }),
            device_wise_accuracy = byDevice ?? new Dictionary<string, double>(),
            class_names = metrics.ClassNames,
            confusion_matrix = metrics.ConfusionRows(),
        };
        AtomicFile.WriteText(Path.Combine(runFolder, "metrics.json"), JsonSerializer.Serialize(document, RunConfig.JsonOptions));
        ConfusionMatrixReport.WriteCsv(Path.Combine(runFolder, "confusion.csv"), metrics);
        ConfusionMatrixReport.WritePng(Path.Combine(runFolder, "confusion.png"), metrics, $"{config.Model.Name} {config.Model.ConvLabel}");
    }
}
