using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>Where and how a pipeline trains: the run folder, whether to resume it, progress callbacks, a stop request and the device.</summary>
/// <param name="Folder">The run folder (config.json, checkpoint/, log.csv).</param>
/// <param name="Resume">Continue the run in <paramref name="Folder"/> from its last checkpoint.</param>
/// <param name="Observer">Receives progress; nothing when null.</param>
/// <param name="Stop">Once requested, stops training at the next step boundary with a checkpoint.</param>
/// <param name="Device">The device the model trains on; the CPU when null.</param>
public sealed record TrainingRun(string Folder, bool Resume = false, ITrainingObserver? Observer = null, StopToken? Stop = null, Device? Device = null);
