using CompactConv.Audio.Features;
using CompactConv.Models;
using CompactConv.Pipelines;
using CompactConv.Tests.Training;
using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Tests.Runtime.Deployed;

/// <summary>
/// Small run folders trained for one epoch in memory and exported with <see cref="ModelExport"/>: the
/// weights barely matter, parity with TorchSharp does. Normalisation statistics are far from 0 and 1 so that
/// a runtime that forgot the graph's normalisation, or padded with the wrong value, would show.
/// </summary>
internal static class DeployedRuns
{
    /// <summary>The scene run's front end: 8 kHz, 256-point FFT, hop 128, 16 mel bands.</summary>
    public static readonly LogMelOptions SceneFeatures = new() { SampleRate = 8000, NFft = 256, HopLength = 128, NMels = 16 };

    /// <summary>The scene model's input width in frames (about 0.64 s at the front end's hop).</summary>
    public const int SceneFrames = 40;

    /// <summary>Trains the 28x28 grey four-class image run of <see cref="SyntheticImages"/> in <paramref name="folder"/> and exports it.</summary>
    public static string ImageModel(TempFolder folder)
    {
        var config = SyntheticImages.Config(epochs: 1) with { Normalization = new Normalization([0.3], [0.4]) };
        return TrainAndExport(folder, "image", config, SyntheticImages.Make(32, seed: 1));
    }

    /// <summary>Trains a three-class scene run on random log-mel (8 epochs) in <paramref name="folder"/> and exports it; returns the run folder and the file.</summary>
    public static (string Run, string Model) SceneModel(TempFolder folder)
    {
        int mels = SceneFeatures.NMels;
        var config = SyntheticImages.Config(epochs: 8) with
        {
            Task = "scenes",
            Features = SceneFeatures,
            ClassNames = ["park", "street", "tram"],
            Normalization = new Normalization(
                Enumerable.Range(0, mels).Select(m => -60.0 + m).ToArray(),
                Enumerable.Range(0, mels).Select(m => 3.0 + 0.25 * m).ToArray()),
            Model = SyntheticImages.Config(epochs: 1).Model with { InputShape = [1, mels, SceneFrames], NumClasses = 3 },
        };
        // Each class raises its own third of the bands, so that the trained model answers to where the energy
        // is and a wrong padding or a missing normalisation moves its probabilities.
        using var inputs = randn(24, 1, mels, SceneFrames, generator: new Generator(7));
        var classes = Enumerable.Range(0, 24).Select(i => i % 3).ToArray();
        for (int i = 0; i < classes.Length; i++)
            inputs[i, 0, TensorIndex.Slice(classes[i] * 5, classes[i] * 5 + 5)].add_(2.0);
        using var labels = tensor(classes.Select(c => (long)c).ToArray());
        string model = TrainAndExport(folder, "scenes", config, new TensorDataset(inputs.alias(), labels.alias()));
        return (folder.File("scenes-run"), model);
    }

    private static string TrainAndExport(TempFolder folder, string name, RunConfig config, TensorDataset train)
    {
        string run = folder.File(name + "-run");
        using (train) new Trainer(config, run).Run(train, null, resume: false);
        string model = folder.File(name + ".onnx");
        ModelExport.Export(new ExportRequest { RunFolder = run, OutputPath = model });
        return model;
    }
}
