using System.Globalization;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// What every demo does with its run folders: a finished run is reused, an unfinished one resumed, and
/// a folder holding a run with other settings refused rather than overwritten or silently mixed in.
/// </summary>
public static class DemoRuns
{
    /// <summary>
    /// Whether the run in <paramref name="runFolder"/> is to be resumed: false when the folder holds no
    /// checkpoint, true when it holds a run of <paramref name="config"/>'s settings.
    /// </summary>
    /// <exception cref="DataException">The folder holds a run with other settings.</exception>
    public static bool ResumeOrStart(string runFolder, RunConfig config)
    {
        if (!new CheckpointStore(runFolder).Exists) return false;
        if (!SameSettings(runFolder, config))
            throw new DataException(runFolder, "holds a run with different settings; remove it or choose another --out");
        return true;
    }

    /// <summary>The conv, op and r columns of a configuration's row: op and r belong to compact convolution only.</summary>
    public static (string Conv, string Op, int R) Columns(ModelSpec spec) => spec.Conv == ConvKind.Compact
        ? (spec.Conv.Name(), spec.Op.Name(), spec.R)
        : (spec.Conv.Name(), "", 1);

    /// <summary>Progress label of a configuration: the conv label, with the width when it is not <paramref name="baseWidth"/>.</summary>
    public static string Label(ModelSpec spec, double baseWidth) => spec.Width == baseWidth
        ? spec.ConvLabel
        : $"{spec.ConvLabel} width {spec.Width.ToString(CultureInfo.InvariantCulture)}";

    private static bool SameSettings(string runFolder, RunConfig config)
    {
        var path = Path.Combine(runFolder, "config.json");
        if (!File.Exists(path)) return false;
        var saved = RunConfig.Load(path);
        return saved.Model.Name == config.Model.Name
            && saved.Model.ConvLabel == config.Model.ConvLabel
            && saved.Model.Width == config.Model.Width
            && saved.Model.InputShape.SequenceEqual(config.Model.InputShape)
            && saved.Training == config.Training
            && saved.TrainLimit == config.TrainLimit
            && saved.TestLimit == config.TestLimit
            && saved.DataSource == config.DataSource
            && saved.Features == config.Features
            && saved.PostProcessing == config.PostProcessing;
    }
}
