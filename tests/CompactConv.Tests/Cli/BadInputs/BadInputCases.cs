namespace CompactConv.Tests.Cli.BadInputs;

/// <summary>
/// The bad-input table, by theme (one file each): impossible or misplaced options, output paths that
/// cannot be written, audio that cannot be used, and broken datasets.
/// </summary>
public static partial class BadInputCases
{
    /// <summary>Every case by name.</summary>
    public static IReadOnlyDictionary<string, BadInputCase> All { get; } =
        new[] { Options, TaskOptions, Outputs, Audio, Datasets }.SelectMany(table => table).ToDictionary(c => c.Name, StringComparer.Ordinal);

    // Every command line is one that fails fast should its check ever be lost: one epoch of tiny data,
    // an empty --data for the demos; otherwise a regression would train, or synthesise, for hours.

    /// <summary><c>train --dataset mnist</c> on the shared fake MNIST for one epoch, into a new run folder of the workspace.</summary>
    private static string[] TrainImages(BadInputWorkspace w, params string[] extra) =>
        ["train", "--dataset", "mnist", "--data", w.Runs.ImageData, "--epochs", "1", "--out", w.Path("run"), .. extra];

    /// <summary><c>demo</c> on an empty data folder, which fails at once where options are not refused first.</summary>
    private static string[] Demo(BadInputWorkspace w, params string[] extra) =>
        ["demo", "--quick", "--data", w.Folder("no-data"), .. extra];

    /// <summary><c>train --task scenes</c> on <paramref name="data"/>, into a new run folder of the workspace; the small front end unless <paramref name="frontEnd"/> is false.</summary>
    private static string[] TrainScenes(BadInputWorkspace w, string data, bool frontEnd, params string[] extra) =>
        ["train", "--task", "scenes", "--dataset", "folders", "--data", data, "--cache", w.Cache, "--epochs", "1", "--out", w.Path("run"),
            .. frontEnd ? BadInputData.FrontEnd : [], .. extra];

    /// <summary><c>train --task events --dataset tsv</c> on <paramref name="data"/>, into a new run folder of the workspace.</summary>
    private static string[] TrainEvents(BadInputWorkspace w, string data, params string[] extra) =>
        ["train", "--task", "events", "--dataset", "tsv", "--data", data, "--model", "crnn", "--cache", w.Cache, "--epochs", "1",
            "--out", w.Path("run"), .. BadInputData.FrontEnd, .. extra];
}
