using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CompactConv.Tests.Models;

/// <summary>
/// Makes part of a block output a known constant so a test can see what happens after it: with every
/// weight zero and running statistics at their defaults (mean 0, variance 1), a BatchNorm in evaluation
/// mode outputs its shift, so a conv block whose BatchNorm shifts are all <c>shift</c> outputs
/// <c>shift</c> when it ends without an activation and max(0, shift) when it ends with ReLU.
/// </summary>
internal static class ResidualProbe
{
    public static void MakeConstant(nn.Module root, string prefix, float shift)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in root.named_parameters())
        {
            if (name.StartsWith(prefix + ".", StringComparison.Ordinal)) parameter.zero_();
        }
        var found = false;
        foreach (var (name, module) in root.named_modules())
        {
            if (name.StartsWith(prefix + ".", StringComparison.Ordinal) && module is BatchNorm2d bn)
            {
                bn.bias!.fill_(shift);
                found = true;
            }
        }
        Assert.True(found, $"no BatchNorm under '{prefix}'");
        root.eval();
    }
}
