namespace CompactConv.Tests.Cli.BadInputs;

public static partial class BadInputCases
{
    private const string IsFile = "is a file, not a folder";
    private const string IsFolder = "is a folder, not a file";
    private const string UnderFile = "is under a file";

    /// <summary>
    /// Output paths that can never be written: a file where a folder is meant, a folder where a file is
    /// meant, anything under a file. Refused at parsing, before any work, naming the option and the path
    /// (.NET's own message came only when writing, after the work).
    /// </summary>
    private static IEnumerable<BadInputCase> Outputs =>
    [
        Output("train out is a file", "--out", Taken, IsFile, (w, o) => ["train", "--dataset", "mnist", "--data", w.Runs.ImageData, "--epochs", "1", "--out", o]),
        Output("train out under a file", "--out", Under, UnderFile, (w, o) => ["train", "--dataset", "mnist", "--data", w.Runs.ImageData, "--epochs", "1", "--out", o]),
        Output("synth out is a file", "--out", Taken, IsFile, (w, o) => ["synth", "--spec", w.Path("spec.json"), "--out", o]),
        Output("synth out under a file", "--out", Under, UnderFile, (w, o) => ["synth", "--spec", w.Path("spec.json"), "--out", o]),
        Output("detect out is a folder", "--out", Folder, IsFolder, (w, o) => ["detect", "--checkpoint", w.Path("run"), w.Path("a.wav"), "--out", o]),
        Output("detect out under a file", "--out", Under, UnderFile, (w, o) => ["detect", "--checkpoint", w.Path("run"), w.Path("a.wav"), "--out", o]),
        Output("plot-events out is a folder", "--out", Folder, IsFolder, PlotEvents),
        Output("plot-events out under a file", "--out", Under, UnderFile, PlotEvents),
        Output("demo out is a file", "--out", Taken, IsFile, (w, o) => Demo(w, "--out", o)),
        Output("demo out under a file", "--out", Under, UnderFile, (w, o) => Demo(w, "--task", "scenes", "--out", o)),
        Output("data subset to is a file", "--to", Taken, IsFile, (w, o) => ["data", "subset", "--from", w.Runs.ImageData, "--to", o, "--dataset", "mnist"]),
        Output("bench csv is a folder", "--csv", Folder, IsFolder, (_, o) => ["bench", "layers", "--in", "8", "--out", "8", "--size", "8x8", "--rounds", "1", "--warmup", "0", "--csv", o]),
    ];

    private static string[] PlotEvents(BadInputWorkspace w, string output)
    {
        string list = w.Text("events.tsv", "filename\tonset\toffset\tevent_label", "a.wav\t0\t1\tbird");
        return ["plot-events", "--reference", list, "--estimate", list, "--file", "a.wav", "--out", output];
    }

    // The three ways to block an output path: each writes what blocks it and returns the path to pass.
    private static string Taken(BadInputWorkspace w) => w.Text("taken", "not a folder");

    private static string Under(BadInputWorkspace w) => Path.Combine(Taken(w), "out");

    private static string Folder(BadInputWorkspace w) => w.Folder("taken");

    private static BadInputCase Output(string name, string option, Func<BadInputWorkspace, string> block, string problem,
        Func<BadInputWorkspace, string, string[]> args) =>
        BadInputCase.Usage(name, w => args(w, block(w)), w => [$"{option}: ", w.Path("taken"), problem]);
}
