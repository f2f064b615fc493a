using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>What a trainer hands <see cref="EpochLoop"/> besides the model and the data: the options and the surroundings of one invocation.</summary>
internal sealed record TrainingSetup(TrainingOptions Options, Device Device, ITrainingObserver Observer, TimeProvider Clock, StopToken? Stop);

/// <summary>
/// The optional run folder of a training: config.json, checkpoint/ (a checkpoint per epoch, best.model,
/// state.json) and log.csv; with <paramref name="Resume"/>, the run continues from its last checkpoint.
/// </summary>
internal sealed record RunFolderTarget(RunConfig Config, string Folder, bool Resume);
