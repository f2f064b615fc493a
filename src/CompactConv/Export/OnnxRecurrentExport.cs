using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CompactConv.Export;

/// <summary>
/// Recurrent layers, which cannot go through <see cref="OnnxModuleExport"/> since they return more than
/// one tensor: the owning model calls this and picks the output it uses.
/// </summary>
public static class OnnxRecurrentExport
{
    /// <summary>
    /// The output sequence of <paramref name="gru"/> (every layer, one or both directions) for the
    /// sequence <paramref name="input"/>, both [N, T, F] when <paramref name="batchFirst"/>, else [T, N, F];
    /// the output's last axis holds the forward states then the backward ones, as in TorchSharp.
    /// </summary>
    /// <remarks>
    /// ONNX's GRU differs from libtorch's in three ways, each of which gives wrong numbers rather than an
    /// error: its gate blocks are ordered (z, r, h) where libtorch has (r, z, n); libtorch applies the reset
    /// gate after the recurrent product (<c>linear_before_reset=1</c>); and ONNX Runtime's CPU kernel only
    /// takes time-major input, so batch-first sequences are transposed around it.
    /// </remarks>
    public static string Gru(IOnnxGraph graph, GRU gru, string input, bool batchFirst)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(gru);
        var parameters = gru.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        bool bidirectional = parameters.ContainsKey("weight_ih_l0_reverse");
        string[] suffixes = bidirectional ? ["", "_reverse"] : [""];
        long hidden = parameters["weight_hh_l0"].shape[1];

        string sequence = batchFirst ? graph.Node("Transpose", "time_major", [input], OnnxAttribute.Ints("perm", 1, 0, 2)) : input;
        for (int layer = 0; parameters.ContainsKey($"weight_ih_l{layer}"); layer++)
        {
            using var scope = NewDisposeScope();
            var w = stack(suffixes.Select(s => ZrnOrder(parameters[$"weight_ih_l{layer}{s}"], hidden)).ToArray());
            var r = stack(suffixes.Select(s => ZrnOrder(parameters[$"weight_hh_l{layer}{s}"], hidden)).ToArray());
            var inputs = new List<string> { sequence, graph.AddInitializer("gru_w", w), graph.AddInitializer("gru_r", r) };
            if (parameters.ContainsKey($"bias_ih_l{layer}"))
            {
                // Per direction: the input biases, then the recurrent ones.
                var b = stack(suffixes.Select(s => cat([ZrnOrder(parameters[$"bias_ih_l{layer}{s}"], hidden),
                    ZrnOrder(parameters[$"bias_hh_l{layer}{s}"], hidden)])).ToArray());
                inputs.Add(graph.AddInitializer("gru_b", b));
            }
            string states = graph.Node("GRU", "gru_states", inputs,
                OnnxAttribute.Int("hidden_size", hidden),
                OnnxAttribute.String("direction", bidirectional ? "bidirectional" : "forward"),
                OnnxAttribute.Int("linear_before_reset", 1));
            // Y is [T, directions, N, hidden]: bring the directions next to the hidden units and join them.
            string joined = graph.Node("Transpose", "gru_joined", [states], OnnxAttribute.Ints("perm", 0, 2, 1, 3));
            sequence = graph.Node("Reshape", "gru_out", [joined, graph.AddInt64s("gru_out_shape", [0, 0, -1])]);
        }
        return batchFirst ? graph.Node("Transpose", "batch_major", [sequence], OnnxAttribute.Ints("perm", 1, 0, 2)) : sequence;
    }

    // libtorch stacks the gate blocks (reset, update, new) along dim 0; ONNX wants (update, reset, new).
    private static Tensor ZrnOrder(Tensor stacked, long hidden) =>
        cat([stacked.narrow(0, hidden, hidden), stacked.narrow(0, 0, hidden), stacked.narrow(0, 2 * hidden, hidden)]);
}
