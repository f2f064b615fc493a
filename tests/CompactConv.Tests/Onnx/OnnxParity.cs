using CompactConv.Onnx;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Tensor = TorchSharp.torch.Tensor;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CompactConv.Tests.Onnx;

/// <summary>
/// Runs an exported model in ONNX Runtime and the same module in TorchSharp on the same random input,
/// so each parity test states only the model and the inputs it checks.
/// </summary>
internal static class OnnxParity
{
    public const double Tolerance = 1e-4;

    /// <summary>
    /// Random BatchNorm affine parameters and running statistics, so that a BatchNorm written with the
    /// wrong input order, epsilon or statistics changes the output (fresh ones are the identity).
    /// </summary>
    public static void RandomizeBatchNorms(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var module in model.modules())
        {
            if (module is not BatchNorm2d norm) continue;
            norm.running_mean!.uniform_(-0.3, 0.3);
            norm.running_var!.uniform_(0.5, 1.5);
            norm.weight!.uniform_(0.7, 1.3);
            norm.bias!.uniform_(-0.2, 0.2);
        }
    }

    /// <summary>ORT's output for <paramref name="input"/>, with its shape.</summary>
    public static float[] RunOnnx(InferenceSession session, Tensor input, out long[] shape)
    {
        var data = input.contiguous().data<float>().ToArray();
        var dims = input.shape.Select(d => (int)d).ToArray();
        var inputName = session.InputMetadata.Keys.Single();
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(data, dims))]);
        var output = results.Single().AsTensor<float>();
        shape = output.Dimensions.ToArray().Select(d => (long)d).ToArray();
        return output.ToArray();
    }

    /// <summary>A single-threaded session (tests run on two cores, and the numbers do not depend on threads).</summary>
    public static InferenceSession Session(global::Onnx.ModelProto model)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        return new InferenceSession(model.ToByteArray(), options);
    }

    /// <summary>The largest |ORT - torch| over every input in <paramref name="inputs"/>, asserting equal shapes and argmax on the last axis.</summary>
    public static double MaxDifference(nn.Module<Tensor, Tensor> model, global::Onnx.ModelProto proto, params long[][] inputs)
    {
        model.eval();
        using var session = Session(proto);
        double worst = 0;
        foreach (var shape in inputs)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var input = randn(shape);
            var expected = model.call(input).contiguous();
            var actual = RunOnnx(session, input, out var actualShape);
            Assert.Equal(expected.shape, actualShape);
            var expectedValues = expected.data<float>().ToArray();
            for (int i = 0; i < actual.Length; i++) worst = Math.Max(worst, Math.Abs(actual[i] - expectedValues[i]));
            var ortArgmax = tensor(actual).reshape(actualShape).argmax(-1).data<long>().ToArray();
            Assert.Equal(expected.argmax(-1).data<long>().ToArray(), ortArgmax);
        }
        return worst;
    }
}
