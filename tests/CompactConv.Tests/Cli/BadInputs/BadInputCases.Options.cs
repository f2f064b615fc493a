using CompactConv.Runtime;

namespace CompactConv.Tests.Cli.BadInputs;

public static partial class BadInputCases
{
    /// <summary>Values no command can work with: each a usage error naming the option.</summary>
    private static IEnumerable<BadInputCase> Options =>
    [
        // One above the maximum, so that a broken check costs a few threads, never thousands.
        BadInputCase.Usage("threads above the maximum", _ => ["summary", "--threads", $"{TorchRuntime.MaxThreads + 1}"], "--threads", $"{TorchRuntime.MaxThreads + 1}"),
        BadInputCase.Usage("threads zero", _ => ["summary", "--threads", "0"], "--threads"),
        BadInputCase.Usage("width zero", _ => ["summary", "--width", "0"], "--width"),
        // Built an 8-channel model: the multiplied channel count overflowed.
        BadInputCase.Usage("width 1e308", w => TrainImages(w, "--width", "1e308"), "--width", "1E+308"),
        // libtorch refused the allocation with a 3 KB C++ dump.
        BadInputCase.Usage("width 3e9", _ => ["summary", "--width", "3e9"], "--width", "3000000000"),
        BadInputCase.Usage("image size overflow", w => ["train", "--dataset", "folders", "--data", w.Folder("images"), "--image-size", "100000", "--out", w.Path("run")],
            "--image-size", "100000x100000"),
        BadInputCase.Usage("train limit zero", w => TrainImages(w, "--train-limit", "0"), "--train-limit", "got 0"),
        BadInputCase.Usage("epochs zero", w => ["train", "--dataset", "mnist", "--data", w.Runs.ImageData, "--epochs", "0", "--out", w.Path("run")], "--epochs"),
        BadInputCase.Usage("batch zero", w => TrainImages(w, "--batch", "0"), "--batch"),
        BadInputCase.Usage("validation fraction one", w => TrainImages(w, "--validation-fraction", "1"), "--validation-fraction"),
        BadInputCase.Usage("r zero", w => TrainImages(w, "--r", "0"), "--r"),
        BadInputCase.Usage("unknown model", w => TrainImages(w, "--model", "nosuchmodel"), "--model", "nosuchmodel"),
        BadInputCase.Usage("unknown task", w => ["train", "--task", "sounds", "--out", w.Path("run")], "--task", "sounds"),
        BadInputCase.Usage("huge demo soundscape count", w => Demo(w, "--task", "scenes", "--soundscapes", "100001", "--out", w.Path("demo")),
            "--soundscapes", "100001"),
        BadInputCase.Usage("unknown option", w => ["train", "--no-such-option", "--out", w.Path("run")], "--no-such-option"),
        // librosa only warns; most of the 500 bands would be constant zero inputs.
        BadInputCase.Usage("empty mel bands", w => TrainScenes(w, w.Runs.SceneData, frontEnd: false, "--mels", "500", "--n-fft", "256"),
            "--mels 500", "--n-fft 256", "empty"),
        BadInputCase.Usage("empty mel bands in features", w => ["features", "--dataset", "folders", "--data", w.Runs.SceneData, "--cache", w.Cache,
            "--mels", "500", "--n-fft", "256"], "--mels 500", "--n-fft 256", "empty"),
        BadInputCase.Usage("hop zero", w => TrainScenes(w, w.Runs.SceneData, frontEnd: false, "--hop", "0"), "hop"),
    ];

    /// <summary>Options of another task, which that task's code would ignore: refused the same way by train, eval and demo.</summary>
    private static IEnumerable<BadInputCase> TaskOptions =>
    [
        BadInputCase.Usage("mels on an image run", w => TrainImages(w, "--mels", "64"), "--mels applies to --task scenes or events only, not image"),
        BadInputCase.Usage("sample rate on an image run", w => TrainImages(w, "--sample-rate", "16000"), "--sample-rate applies to --task scenes or events only, not image"),
        BadInputCase.Usage("threshold on an image run", w => TrainImages(w, "--threshold", "0.3"), "--threshold applies to --task events only, not image"),
        BadInputCase.Usage("fold on an image run", w => TrainImages(w, "--fold", "1"), "--fold applies to --task scenes only, not image"),
        BadInputCase.Usage("mixup on an image run", w => TrainImages(w, "--mixup", "0.2"), "--mixup applies to --task scenes or events only, not image"),
        BadInputCase.Usage("grey on a scenes run", w => TrainScenes(w, w.Runs.SceneData, frontEnd: true, "--grey"), "--grey applies to --task image only, not scenes"),
        BadInputCase.Usage("flip on a scenes run", w => TrainScenes(w, w.Runs.SceneData, frontEnd: true, "--flip"), "--flip applies to --task image only, not scenes"),
        BadInputCase.Usage("threshold on a scenes run", w => TrainScenes(w, w.Runs.SceneData, frontEnd: true, "--threshold", "0.3"), "--threshold applies to --task events only, not scenes"),
        BadInputCase.Usage("fold on an events run", w => TrainEvents(w, w.Runs.EventData, "--fold", "1"), "--fold applies to --task scenes only, not events"),
        BadInputCase.Usage("crop frames on an events run", w => TrainEvents(w, w.Runs.EventData, "--crop-frames", "32"), "--crop-frames applies to --task scenes only, not events"),
        BadInputCase.Usage("train limit on an events run", w => TrainEvents(w, w.Runs.EventData, "--train-limit", "4"), "--train-limit applies to --task image only, not events"),
        BadInputCase.Usage("cache on an image eval", w => ["eval", "--checkpoint", w.Runs.Image, "--cache", w.Cache], "--cache applies to scenes or events runs only, not this image run"),
        BadInputCase.Usage("tune thresholds on a scenes eval", w => ["eval", "--checkpoint", w.Runs.Scenes, "--tune-thresholds"],
            "--tune-thresholds applies to events runs only, not this scenes run"),
        BadInputCase.Usage("soundscapes on the image demo", w => Demo(w, "--soundscapes", "10", "--out", w.Path("demo")),
            "--soundscapes applies to --task scenes or events only, not image"),
    ];
}
