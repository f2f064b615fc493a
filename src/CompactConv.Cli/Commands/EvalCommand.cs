using System.CommandLine;
using System.Globalization;
using CompactConv.Cli.Rendering;
using CompactConv.Metrics;
using CompactConv.Pipelines;
using CompactConv.Reports;
using CompactConv.Training;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv eval</c>: evaluates a run folder's checkpoint and writes metrics.json there.</summary>
public static class EvalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("eval", "Evaluate a trained run on its test split; writes metrics.json (and, for audio, confusion.csv/.png) into the run folder");
        var checkpoint = new Option<string>("--checkpoint") { Description = "Run folder written by 'compactconv train'", Required = true };
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: the one the run used)" };
        var best = new Option<bool>("--best") { Description = "Evaluate the best epoch's weights instead of the last" };
        var cache = new Option<string?>("--cache") { Description = "Feature cache folder for audio runs (default: the one the run was trained with)" };
        var tune = new Option<bool>("--tune-thresholds") { Description = "events: choose per-class thresholds on the validation split (event-based F1) before scoring the test split" };
        var merge = new Option<bool>("--merge-reference") { Description = "events: merge overlapping reference events of one label before scoring (default: score the annotation as written)" };
        command.Options.Add(checkpoint);
        command.Options.Add(data);
        command.Options.Add(best);
        command.Options.Add(cache);
        command.Options.Add(tune);
        command.Options.Add(merge);
        CommandRunner.SetAction(command, parse =>
        {
            string folder = parse.GetValue(checkpoint)!;
            // eval writes metrics.json and more into the run folder: not while another process writes it,
            // which is the first thing to say, before what its config.json (perhaps not written yet) holds.
            RunLock.ThrowIfHeld(folder);
            var config = RunConfig.Load(Path.Combine(folder, "config.json"));
            TaskOptionCheck.RefuseForRun(parse, config.Task);
            using var runLock = RunFolder.Lock(folder, "eval", System.Console.WriteLine);
            var request = new EvaluationRequest
            {
                RunFolder = folder, Best = parse.GetValue(best), DataDir = parse.GetValue(data), CacheDir = parse.GetValue(cache), Device = GlobalOptions.DeviceOf(parse),
            };
            if (config.Task == "events")
            {
                string cacheDir = Path.GetFullPath(parse.GetValue(cache) ?? config.FeatureCacheDir ?? AudioDataRequest.DefaultCacheDir);
                var evaluation = EventDetection.Evaluate(request with { CacheDir = cacheDir }, parse.GetValue(tune), parse.GetValue(merge));
                System.Console.WriteLine($"features: cache in {cacheDir}");
                PrintEvents(evaluation);
                System.Console.WriteLine($"wrote {Path.Combine(folder, "metrics.json")}, {evaluation.EstimatePath}, {evaluation.ReferencePath}, {evaluation.DurationsPath} and {evaluation.ScoresPath}");
                return ExitCodes.Success;
            }
            if (config.Task == "scenes")
            {
                var evaluation = FeatureProgress.Run("features", progress => SceneClassification.Evaluate(request with { FeatureProgress = progress }));
                System.Console.WriteLine(FeatureProgress.Describe(evaluation.Extraction));
                Print(evaluation.Metrics, evaluation.Source, evaluation.ByDevice);
            }
            else
            {
                var evaluation = ImageClassification.Evaluate(request);
                Print(evaluation.Metrics, evaluation.Source, null);
            }
            System.Console.WriteLine($"wrote {Path.Combine(folder, "metrics.json")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void PrintEvents(EventEvaluation evaluation)
    {
        System.Console.WriteLine($"data: {OptionFlags.ToFlags(evaluation.Source)}");
        var m = evaluation.Metrics;
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"segment-based (1 s): F1 {m.SegmentBased.Overall.FMeasure:F4}, ER {m.SegmentBased.Overall.ErrorRate:F4}"));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"event-based (onset+offset): F1 {m.EventBased.Overall.FMeasure:F4}, ER {m.EventBased.Overall.ErrorRate:F4}, class-wise F1 {m.EventBased.ClassWiseAverage.FMeasure:F4}"));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"event-based (onset only): F1 {m.EventBasedOnset.Overall.FMeasure:F4}, ER {m.EventBasedOnset.Overall.ErrorRate:F4}; frame F1 {evaluation.FrameF1:F4}"));
        if (evaluation.Psds is { } psds)
        {
            System.Console.WriteLine("PSDS (" + string.Join(", ", psds.Results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value.Value:F4}")))
                + string.Create(CultureInfo.InvariantCulture, $") over {psds.OperatingPoints} thresholds"));
        }
        else
        {
            System.Console.WriteLine($"PSDS not computed: {OptionFlags.ToFlags(evaluation.PsdsUnavailable ?? "")}");
        }
        System.Console.WriteLine(evaluation.MergeReference
            ? "scored against the test annotation with overlapping same-label events merged (--merge-reference)"
            : "scored against the test annotation as written");
    }

    private static void Print(ClassificationMetrics metrics, string source, IReadOnlyDictionary<string, double>? byDevice)
    {
        System.Console.WriteLine($"data: {OptionFlags.ToFlags(source)}");
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accuracy {metrics.Accuracy:F4} ({metrics.Count} examples), macro accuracy {metrics.MacroAccuracy:F4}, log-loss {metrics.Loss:F4}"));
        var classes = new TextTable().AddColumns("class", "accuracy");
        for (int c = 0; c < metrics.ClassNames.Count; c++) classes.AddRow(metrics.ClassNames[c], Figure(metrics.PerClassAccuracy[c]));
        TableOutput.Write(classes);
        if (byDevice is { Count: > 0 })
        {
            var devices = new TextTable().AddColumns("device", "accuracy");
            foreach (var (device, accuracy) in byDevice) devices.AddRow(device, Figure(accuracy));
            TableOutput.Write(devices);
        }
    }

    private static string Figure(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
