using CompactConv.Tests.Audio.IO;

namespace CompactConv.Tests.Cli.BadInputs;

public static partial class BadInputCases
{
    private const string NotFinite = "not finite";

    /// <summary>
    /// Audio that cannot be used, in every command that reads audio: a data error naming the file. Float
    /// samples far outside [-1, 1] gave NaN probabilities (predict), no events (detect) and an exit 2
    /// naming no file (train).
    /// </summary>
    private static IEnumerable<BadInputCase> Audio =>
    [
        BadInputCase.Data("predict huge samples", w => ["predict", "--checkpoint", w.Runs.Scenes, w.HugeWav()], w => [w.Path("huge.wav"), NotFinite]),
        BadInputCase.Data("detect huge samples", w => ["detect", "--checkpoint", w.Runs.Events, w.HugeWav()], w => [w.Path("huge.wav"), NotFinite]),
        BadInputCase.Data("train scenes on huge samples", w => TrainScenes(w, WithHuge(w, w.Runs.SceneData, "low/low0.wav"), frontEnd: true),
            w => [w.Path("data/low/low0.wav"), NotFinite]),
        BadInputCase.Data("train events on huge samples", w => TrainEvents(w, WithHuge(w, w.Runs.EventData, "audio/train1.wav")),
            w => [w.Path("data/audio/train1.wav"), NotFinite]),
        BadInputCase.Data("features of huge samples", w => ["features", "--dataset", "folders", "--data", WithHuge(w, w.Runs.SceneData, "high/high2.wav"),
            "--cache", w.Cache, .. BadInputData.FrontEnd], w => [w.Path("data/high/high2.wav"), NotFinite]),
        BadInputCase.Data("eval scenes on huge samples", w => ["eval", "--checkpoint", w.Runs.Scenes, "--data", AllHuge(w, w.Runs.SceneData)],
            w => [w.Path("data"), NotFinite]),
        BadInputCase.Data("eval events on huge samples", w => ["eval", "--checkpoint", w.Runs.Events, "--data", AllHuge(w, w.Runs.EventData)],
            w => [w.Path("data"), NotFinite]),
        BadInputCase.Data("predict truncated wav", w => ["predict", "--checkpoint", w.Runs.Scenes, Truncated(w)], w => [w.Path("cut.wav"), "truncated"]),
        BadInputCase.Data("predict a text file as wav", w => ["predict", "--checkpoint", w.Runs.Scenes, w.Text("notes.wav", "not audio")], w => [w.Path("notes.wav")]),
        BadInputCase.Data("detect a text file as wav", w => ["detect", "--checkpoint", w.Runs.Events, w.Text("notes.wav", "not audio")], w => [w.Path("notes.wav")]),
        BadInputCase.Data("predict zero sample rate", w => ["predict", "--checkpoint", w.Runs.Scenes,
            w.Bytes("rate0.wav", WavBytes.Simple(WavBytes.Pcm, 1, 0, 16, WavBytes.Pcm16(1, 2, 3, 4)))], w => [w.Path("rate0.wav"), "sample rate"]),
        BadInputCase.Data("predict a missing file", w => ["predict", "--checkpoint", w.Runs.Scenes, w.Path("missing.wav")], w => [w.Path("missing.wav")]),
    ];

    // A copy of a dataset (as "data") in which one clip has huge samples; returns the copy.
    private static string WithHuge(BadInputWorkspace w, string dataset, string clip)
    {
        string copy = w.Copy(dataset, "data");
        BadInputData.HugeWav(Path.Combine(copy, clip));
        return copy;
    }

    // A copy of a dataset (as "data") in which every clip has huge samples, so that whichever the test split holds is one.
    private static string AllHuge(BadInputWorkspace w, string dataset)
    {
        string copy = w.Copy(dataset, "data");
        foreach (var clip in Directory.EnumerateFiles(copy, "*.wav", SearchOption.AllDirectories)) BadInputData.HugeWav(clip);
        return copy;
    }

    private static string Truncated(BadInputWorkspace w)
    {
        string path = BadInputData.Wav(w.Path("cut.wav"), 440);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }
}
