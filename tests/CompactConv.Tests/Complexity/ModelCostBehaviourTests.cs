using CompactConv.Complexity;
using CompactConv.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Complexity;

public class ModelCostBehaviourTests
{
    [Fact]
    public void LinearCountsInTimesOutMacsAndItsBiasAsOps()
    {
        using var scope = torch.NewDisposeScope();
        using var linear = nn.Linear(20, 5);
        var report = ModelCost.Measure(linear, [20]);
        Assert.Equal(20 * 5 + 5, report.Parameters);
        Assert.Equal(20 * 5, report.Macs);
        Assert.Equal(5, report.Ops);
        var row = Assert.Single(report.Layers);
        Assert.Equal("(model)", row.Name);
        Assert.Equal([5L], row.OutputShape);
    }

    [Fact]
    public void LinearMacsScaleWithLeadingDimensions()
    {
        using var scope = torch.NewDisposeScope();
        using var linear = nn.Linear(20, 5, hasBias: false);
        var report = ModelCost.Measure(linear, [3, 20]);
        Assert.Equal(3 * 20 * 5, report.Macs);
        Assert.Equal(0, report.Ops);
    }

    [Fact]
    public void FlattenIsFreeAndLeavesNoRow()
    {
        using var scope = torch.NewDisposeScope();
        using var model = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(2 * 3 * 4, 5)));
        var report = ModelCost.Measure(model, [2, 3, 4]);
        Assert.Equal(2 * 3 * 4 * 5, report.Macs);
        Assert.Equal(["fc"], report.Layers.Select(l => l.Name));
    }

    [Fact]
    public void CountParametersMatchesTheStandardConvFormula()
    {
        using var scope = torch.NewDisposeScope();
        using var block = ConvFactory.Create(ConvKind.Standard, 8, 16, 3);
        Assert.Equal(3 * 3 * 8 * 16 + 2 * 16, ModelCost.CountParameters(block));
    }

    [Fact]
    public void SerializedSizeExceedsFourBytesPerParameter()
    {
        using var scope = torch.NewDisposeScope();
        using var block = ConvFactory.Create(ConvKind.Compact, 8, 16, 3);
        var report = ModelCost.Measure(block, [8, 10, 12]);
        Assert.True(report.SerializedBytes > report.Parameters * 4,
            $"serialized {report.SerializedBytes} B for {report.Parameters} parameters");
    }

    [Fact]
    public void TrainingFlagsAreRestored()
    {
        using var scope = torch.NewDisposeScope();
        using var block = ConvFactory.Create(ConvKind.Compact, 8, 16, 3);
        block.train();
        var frozen = block.named_modules().Single(m => m.name == "depthwise.bn").module;
        frozen.eval();

        ModelCost.Measure(block, [8, 10, 12]);

        Assert.True(block.training);
        Assert.False(frozen.training);
        Assert.All(block.named_modules().Where(m => m.name != "depthwise.bn"), m => Assert.True(m.module.training, m.name));
    }

    [Fact]
    public void EvaluationModeStaysEvaluationMode()
    {
        using var scope = torch.NewDisposeScope();
        using var block = ConvFactory.Create(ConvKind.Standard, 8, 16, 3);
        block.eval();
        ModelCost.Measure(block, [8, 10, 12]);
        Assert.False(block.training);
    }

    [Fact]
    public void HooksAreRemovedSoASecondMeasureIsIdentical()
    {
        using var scope = torch.NewDisposeScope();
        using var block = ConvFactory.Create(ConvKind.Ghost, 8, 16, 3);
        var first = ModelCost.Measure(block, [8, 10, 12]);
        var second = ModelCost.Measure(block, [8, 10, 12]);
        Assert.Equal(first.ToTable(), second.ToTable());
        Assert.Equal(first.Macs, second.Macs);
        Assert.Equal(first.Ops, second.Ops);
        Assert.All(second.Layers, l => Assert.Equal(1, l.Calls));
    }

    [Fact]
    public void AChildCalledWithForwardIsReportedNotSilentlyMissed()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ForwardOnlyParent();
        var error = Assert.Throws<InvalidOperationException>(() => ModelCost.Measure(model, [4]));
        Assert.Contains("inner", error.Message);
        Assert.Contains("call()", error.Message);
        Assert.True(model.training);
    }

    [Fact]
    public void RejectsNonPositiveInputShape()
    {
        using var scope = torch.NewDisposeScope();
        using var linear = nn.Linear(4, 2);
        Assert.Throws<ArgumentException>(() => ModelCost.Measure(linear, [0]));
        Assert.Throws<ArgumentException>(() => ModelCost.Measure(linear, []));
    }

    /// <summary>Invokes its child with forward(), which TorchSharp runs without hooks.</summary>
    private sealed class ForwardOnlyParent : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> inner = nn.Linear(4, 2);

        public ForwardOnlyParent() : base(nameof(ForwardOnlyParent)) => RegisterComponents();

        public override Tensor forward(Tensor input) => inner.forward(input);
    }
}
