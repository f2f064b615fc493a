using static TorchSharp.torch;

namespace CompactConv.Complexity;

/// <summary>
/// The training flag of every module in a tree, so a measurement can switch to evaluation and put back
/// exactly what it found, including a mix such as a frozen BatchNorm inside a training model.
/// </summary>
internal sealed class TrainingModes
{
    // Parents precede their children: train(bool) recurses, so restoring in this order lets
    // each child's own flag overwrite what its parent's call set.
    private readonly List<(nn.Module Module, bool Training)> flags = [];

    private TrainingModes() { }

    /// <summary>Records the flag of <paramref name="root"/> and all its descendants.</summary>
    public static TrainingModes Capture(nn.Module root)
    {
        var modes = new TrainingModes();
        modes.Visit(root);
        return modes;
    }

    /// <summary>Sets every recorded module back to its recorded flag.</summary>
    public void Restore()
    {
        foreach (var (module, training) in flags) module.train(training);
    }

    private void Visit(nn.Module module)
    {
        flags.Add((module, module.training));
        foreach (var child in module.children()) Visit(child);
    }
}
