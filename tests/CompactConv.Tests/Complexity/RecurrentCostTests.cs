using CompactConv.Complexity;
using CompactConv.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CompactConv.Tests.Complexity;

public class RecurrentCostTests
{
    /// <summary>A GRU seen through a one-tensor module, as a model would call it.</summary>
    private sealed class GruOnly : nn.Module<Tensor, Tensor>
    {
        private readonly GRU gru;

        public GruOnly(GRU gru) : base(nameof(GruOnly))
        {
            this.gru = gru;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => gru.call(input).Item1;
    }

    [Fact]
    public void BidirectionalGruCostsStepsTimesAllWeightsAndSeventeenOpsPerUnit()
    {
        using var model = new GruOnly(nn.GRU(5, 4, batchFirst: true, bidirectional: true));
        var report = ModelCost.Measure(model, [7, 5]);
        var row = Assert.Single(report.Layers);
        Assert.Equal("gru", row.Name);
        Assert.Equal([7L, 8L], row.OutputShape);
        Assert.Equal(2 * (3 * 4 * 5 + 3 * 4 * 4 + 2 * 3 * 4), row.Parameters);
        Assert.Equal(7 * 2 * (3 * 4 * 5 + 3 * 4 * 4), row.Macs);
        Assert.Equal(7 * 2 * 4 * 17, row.Ops);
        Assert.Equal(7 * 8 * 4, row.ActivationBytes);
    }

    [Fact]
    public void StackedGruWithoutBiasCountsEachLayerAndElevenOpsPerUnit()
    {
        using var model = new GruOnly(nn.GRU(5, 4, numLayers: 2, bias: false, batchFirst: true));
        var row = Assert.Single(ModelCost.Measure(model, [7, 5]).Layers);
        // Layer 1 reads the 5 inputs, layer 2 the 4 hidden units of layer 1.
        Assert.Equal(7 * (3 * 4 * 5 + 3 * 4 * 4 + 3 * 4 * 4 + 3 * 4 * 4), row.Macs);
        Assert.Equal(7 * 2 * 4 * 11, row.Ops);
    }

    [Fact]
    public void ConvolutionParametersCountConvolutionsAndBatchNormsOnly()
    {
        using var model = nn.Sequential(
            ("conv", ConvFactory.Create(ConvKind.Standard, 8, 16, 3)),
            ("flat", nn.Flatten()),
            ("fc", nn.Linear(16, 4)));
        Assert.Equal(3 * 3 * 8 * 16 + 2 * 16, ModelCost.ConvolutionParameters(model));
        using var gru = nn.GRU(5, 4);
        Assert.Equal(0, ModelCost.ConvolutionParameters(gru));
    }
}
