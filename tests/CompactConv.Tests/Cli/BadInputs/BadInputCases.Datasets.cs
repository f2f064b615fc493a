using System.Text.Json.Nodes;
using CompactConv.Data;
using CompactConv.Tests.Data;
using CompactConv.Tests.Data.Images;
using SkiaSharp;

namespace CompactConv.Tests.Cli.BadInputs;

public static partial class BadInputCases
{
    /// <summary>Datasets, runs and specs that are broken or cannot be learnt from: a data error naming the file or folder.</summary>
    private static IEnumerable<BadInputCase> Datasets =>
    [
        // One class trained to "100 %".
        BadInputCase.Data("image folders with one class", w => ["train", "--dataset", "folders", "--data", OneClassImages(w), "--epochs", "1", "--out", w.Path("run")],
            w => [w.Path("images"), "only one class ('cat')"]),
        BadInputCase.Data("scene folders with one class", w => TrainScenes(w, BadInputData.SceneFolders(w.Path("scenes"), 4, "rain"), frontEnd: true),
            w => [w.Path("scenes"), "only one class ('rain')"]),
        // Every test.tsv row reported "not one of the known labels ()" after the one real problem.
        BadInputCase.Data("event list with a bad train header", w => TrainEvents(w, BadTrainHeader(w)),
            w => [w.Path("data"), "train.tsv", "1 problem"], "known labels"),
        BadInputCase.Data("event label unknown to training", w => TrainEvents(w, UnknownTestLabel(w)), w => [w.Path("data"), "test.tsv", "'dog'"]),
        BadInputCase.Data("malformed esc50 csv", w => ["train", "--task", "scenes", "--dataset", "esc50", "--data", MalformedEsc50(w), "--fold", "1", "--cache", w.Cache,
            "--epochs", "1", "--out", w.Path("run"), .. BadInputData.FrontEnd], w => [w.Path("esc50"), "esc50.csv"]),
        BadInputCase.Data("truncated idx", w => ["train", "--dataset", "mnist", "--data", BrokenMnist(w, MnistFiles.TrainImages, cut: true), "--epochs", "1", "--out", w.Path("run")],
            w => [Path.Combine(w.Path("mnist"), MnistFiles.TrainImages), "truncated"]),
        BadInputCase.Data("idx with a bad magic number", w => ["train", "--dataset", "mnist", "--data", BrokenMnist(w, MnistFiles.TrainLabels, cut: false), "--epochs", "1", "--out", w.Path("run")],
            w => [Path.Combine(w.Path("mnist"), MnistFiles.TrainLabels)]),
        BadInputCase.Data("missing data folder", w => ["train", "--dataset", "mnist", "--data", w.Path("nowhere"), "--epochs", "1", "--out", w.Path("run")],
            w => [w.Path("nowhere")]),
        BadInputCase.Data("missing run folder", w => ["eval", "--checkpoint", w.Path("nowhere")], w => [w.Path("nowhere")]),
        BadInputCase.Data("malformed run config", w => ["eval", "--checkpoint", Path.GetDirectoryName(w.Text("run/config.json", "{ \"task\": "))!],
            w => [w.Path("run/config.json")]),
        // It failed deep in normalisation ("Index was outside the bounds of the array"); the resume check
        // now refuses the other dataset before any image is read.
        BadInputCase.Usage("resume onto three-channel images", w => ["train", "--dataset", "cifar10", "--data", Cifar10(w), "--model", "smallcnn",
            "--conv", "compact", "--width", "0.25", "--epochs", "1", "--out", w.Runs.Image, "--resume"],
            w => ["--resume", w.Runs.Image, "dataset=cifar10", w.Path("cifar")]),
        BadInputCase.Data("synth count of two billion", w => ["synth", "--spec", Spec(w, spec => spec["count"] = 2_000_000_000), "--out", w.Path("synth")],
            w => [w.Path("spec.json"), "'count'", "2000000000"]),
        BadInputCase.Data("synth events per soundscape of a million", w => ["synth", "--spec", Spec(w, spec => spec["events"]!["count"] = 1_000_000), "--out", w.Path("synth")],
            w => [w.Path("spec.json"), "'events.count.max'", "1000000"]),
        BadInputCase.Data("missing synth spec", w => ["synth", "--spec", w.Path("spec.json"), "--out", w.Path("synth")], w => [w.Path("spec.json")]),
        BadInputCase.Data("event list with a bad header", w => ["sed-metrics", "--reference", w.Text("ref.tsv", "file\tstart\tend\tlabel", "a.wav\t0\t1\tbird"),
            "--estimate", w.Text("est.tsv", "filename\tonset\toffset\tevent_label", "a.wav\t0\t1\tbird")], w => [w.Path("ref.tsv")]),
    ];

    private static string OneClassImages(BadInputWorkspace w)
    {
        for (int i = 0; i < 4; i++) ImageFiles.Solid(w.Path($"images/cat/c{i}.png"), new SKColor((byte)(60 * i), 0, 0));
        return w.Path("images");
    }

    private static string BadTrainHeader(BadInputWorkspace w)
    {
        string copy = w.Copy(w.Runs.EventData, "data");
        var lines = File.ReadAllLines(Path.Combine(copy, "train.tsv"));
        BadInputData.Lines(Path.Combine(copy, "train.tsv"), ["file\tstart\tend\tlabel", .. lines[1..]]);
        return copy;
    }

    private static string UnknownTestLabel(BadInputWorkspace w)
    {
        string copy = w.Copy(w.Runs.EventData, "data");
        BadInputData.Lines(Path.Combine(copy, "test.tsv"), "filename\tonset\toffset\tevent_label", "test0.wav\t0.2\t1.0\tdog", "test1.wav\t0.2\t1.0\thigh");
        return copy;
    }

    private static string MalformedEsc50(BadInputWorkspace w)
    {
        BadInputData.Wav(w.Path("esc50/audio/1-100-A-0.wav"), 440);
        w.Text("esc50/meta/esc50.csv", "filename,fold", "1-100-A-0.wav,1");
        return w.Path("esc50");
    }

    private static string BrokenMnist(BadInputWorkspace w, string file, bool cut)
    {
        string folder = w.Path("mnist");
        FakeMnist.Write(folder, 20, 10, gzip: false);
        string path = Path.Combine(folder, file);
        var bytes = File.ReadAllBytes(path);
        if (cut) bytes = bytes[..(bytes.Length - 100)];
        else bytes[2] = 0x42;
        File.WriteAllBytes(path, bytes);
        return folder;
    }

    private static string Cifar10(BadInputWorkspace w)
    {
        FakeCifar.WriteCifar10(w.Path("cifar"), [4, 4, 4, 4, 4], 6);
        return w.Path("cifar");
    }

    // A valid synth spec (sources need not exist: the spec is checked first), changed by edit.
    private static string Spec(BadInputWorkspace w, Action<JsonObject> edit)
    {
        var spec = JsonNode.Parse("""
            {
              "duration": 2.0, "sample_rate": 8000, "count": 10, "foreground_dir": "fg", "background_dir": "bg",
              "backgrounds": ["hum"],
              "events": { "labels": ["beep"], "count": 1, "snr_db": 6, "duration": {"min": 0.2, "max": 0.5} }
            }
            """)!.AsObject();
        edit(spec);
        return w.Text("spec.json", spec.ToJsonString());
    }
}
