// Builds smallcnn with compact convolutions for 28x28 grey images and prints what it costs:
// the per-layer table, then the totals a paper would quote.
using CompactConv.Complexity;
using CompactConv.Layers;
using CompactConv.Models;

var spec = new ModelSpec
{
    Name = "smallcnn",
    Conv = ConvKind.Compact,
    InputShape = [1, 28, 28],
    NumClasses = 10,
};
using var model = ModelRegistry.Create(spec);

CostReport cost = ModelCost.Measure(model, [1, 28, 28]);
Console.WriteLine(cost.ToTable());
Console.WriteLine($"registered models: {string.Join(", ", ModelRegistry.Names)}");
Console.WriteLine($"{spec.Name} ({spec.ConvLabel}): {cost.ToSummaryLine()}");
