using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Layers;

/// <summary>Small helpers so each test reads as "input, expected numbers, compare".</summary>
internal static class TensorAssert
{
    /// <summary>Float32 tensor from row-major values; leaf with grad when asked, so tests can inspect input.grad.</summary>
    public static Tensor Make(float[] values, long[] shape, bool requiresGrad = false)
    {
        var t = tensor(values, shape);
        return requiresGrad ? t.requires_grad_() : t;
    }

    /// <summary>Row-major copy of the values; contiguous() first because views (select, transpose) may be strided.</summary>
    public static float[] Values(Tensor t)
    {
        using var c = t.detach().contiguous();
        return c.data<float>().ToArray();
    }

    public static void Close(double[] expected, Tensor actual, double tol = 1e-5)
    {
        var got = Values(actual);
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            // Report the index: a bare "not equal" over an 8-element gradient says nothing about which member went wrong.
            Assert.True(Math.Abs(expected[i] - got[i]) <= tol,
                $"element {i}: expected {expected[i]}, got {got[i]} (all: [{string.Join(", ", got)}])");
        }
    }

    public static void Shape(long[] expected, Tensor actual) => Assert.Equal(expected, actual.shape);

    /// <summary>Total learnable scalars of a module.</summary>
    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());
}
