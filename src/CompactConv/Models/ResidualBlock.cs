using CompactConv.Layers;
using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// The residual skeleton that <see cref="BasicBlock"/> and <see cref="InvertedResidual"/> share:
/// output = activation(branch(x) + shortcut(x)), where the shortcut is the identity when it is
/// null. The branch must end without an activation: the activation belongs after the addition
/// (ResNet) or nowhere (MobileNetV2's linear bottleneck).
/// </summary>
public abstract class ResidualBlock : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly nn.Module<Tensor, Tensor> branch;
    private readonly nn.Module<Tensor, Tensor>? shortcut;
    private readonly nn.Module<Tensor, Tensor>? activation;

    /// <summary>True when the block adds a shortcut (identity or projection) to its branch.</summary>
    public bool HasShortcut { get; }

    /// <summary>
    /// Wires the block. Without <paramref name="addShortcut"/> the block is just its branch (and
    /// <paramref name="shortcut"/> must be null); <paramref name="activation"/> of
    /// <see cref="ActivationKind.None"/> leaves the sum linear.
    /// </summary>
    protected ResidualBlock(string name, nn.Module<Tensor, Tensor> branch, bool addShortcut,
        nn.Module<Tensor, Tensor>? shortcut, ActivationKind activation)
        : base(name)
    {
        if (!addShortcut && shortcut is not null) throw new ArgumentException($"{name}: a projection shortcut needs the residual addition");
        HasShortcut = addShortcut;
        this.branch = branch;
        this.shortcut = shortcut;
        this.activation = activation == ActivationKind.None ? null : Activations.Create(activation);
        // Registered by hand: reflection on the derived type does not see a base class's private fields.
        register_module("branch", branch);
        if (shortcut is not null) register_module("shortcut", shortcut);
        if (this.activation is not null) register_module("act", this.activation);
    }

    /// <inheritdoc />
    public string Export(IOnnxGraph graph, string input)
    {
        string y = OnnxModuleExport.Export(graph, branch, input);
        if (HasShortcut) y = graph.Node("Add", "residual", [y, shortcut is null ? input : OnnxModuleExport.Export(graph, shortcut, input)]);
        return activation is null ? y : OnnxModuleExport.Export(graph, activation, y);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var y = branch.call(input);
        // In place: the branch ends in a BatchNorm (or a concatenation), whose backward does not need its output.
        if (HasShortcut) y = y.add_(shortcut is null ? input : shortcut.call(input));
        if (activation is not null) y = activation.call(y);
        return y.MoveToOuterDisposeScope();
    }
}
