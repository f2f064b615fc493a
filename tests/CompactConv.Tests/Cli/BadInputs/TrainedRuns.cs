using CompactConv.Tests.Data;

namespace CompactConv.Tests.Cli.BadInputs;

/// <summary>
/// One tiny trained run per task, for the cases that feed a run bad input (predict, detect, eval,
/// --resume). Each is trained on first use, once per test class, and only read afterwards: the suite
/// checks that no refused command changes them.
/// </summary>
public sealed class TrainedRuns : IDisposable
{
    /// <summary>Feature caches: filled by any command that reads audio, so left out of the "nothing written" check.</summary>
    public const string CacheFolder = "cache";

    private readonly TempFolder _folder = new();
    private readonly Lazy<string> _image, _scenes, _events;

    public TrainedRuns()
    {
        _image = new(() => Train("image", ["--dataset", "mnist", "--data", ImageData, "--model", "smallcnn", "--batch", "16"]));
        _scenes = new(() => Train("scenes", ["--task", "scenes", "--dataset", "folders", "--data", SceneData, "--model", "dcase-baseline",
            "--batch", "4", "--cache", Cache, .. BadInputData.FrontEnd]));
        _events = new(() => Train("events", ["--task", "events", "--dataset", "tsv", "--data", EventData, "--model", "crnn",
            "--batch", "4", "--cache", Cache, .. BadInputData.FrontEnd]));
    }

    /// <summary>The folder that holds the runs, their data and the cache.</summary>
    public string Root => _folder.Path;

    /// <summary>The runs' feature cache.</summary>
    public string Cache => _folder.File(CacheFolder);

    /// <summary>A fake MNIST folder: 40 training and 20 test images.</summary>
    public string ImageData => Once("mnist", path => FakeMnist.Write(path, 40, 20));

    /// <summary>A scene folders dataset: classes 'low' and 'high', six clips each.</summary>
    public string SceneData => Once("scene-data", path => BadInputData.SceneFolders(path, 6, "low", "high"));

    /// <summary>An event tsv dataset (see <see cref="BadInputData.EventTsv"/>).</summary>
    public string EventData => Once("event-data", path => BadInputData.EventTsv(path));

    /// <summary>A smallcnn run on <see cref="ImageData"/> (1 x 28 x 28 input).</summary>
    public string Image => _image.Value;

    /// <summary>A dcase-baseline run on <see cref="SceneData"/>.</summary>
    public string Scenes => _scenes.Value;

    /// <summary>A crnn run on <see cref="EventData"/>.</summary>
    public string Events => _events.Value;

    public void Dispose() => _folder.Dispose();

    private string Once(string name, Action<string> write)
    {
        string path = _folder.File(name);
        if (!Directory.Exists(path)) write(path);
        return path;
    }

    private string Train(string name, string[] args)
    {
        string run = _folder.File($"run-{name}");
        var result = CliHarness.Run(["train", .. args, "--conv", "compact", "--width", "0.25", "--epochs", "1", "--out", run]);
        Assert.True(result.ExitCode == 0, $"training the {name} fixture run failed: {result.Error}");
        return run;
    }
}
