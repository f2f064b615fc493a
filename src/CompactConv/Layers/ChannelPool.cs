using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Layers;

/// <summary>
/// The point-wise interchannel operation of compact convolution: reduces every group of
/// <see cref="R"/> channels to one channel with a parameter-free <see cref="ChannelPoolOp"/>,
/// independently at each position. Input [N, C, ...] gives [N, C/r, ...]; works for any rank >= 2.
/// </summary>
/// <remarks>
/// Implemented as a reshape to [N, C/r, r, ...] (adjacent) or [N, r, C/r, ...] (interleaved)
/// followed by a reduction over the r axis, so no channel data is copied before the reduction.
/// </remarks>
public sealed class ChannelPool : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private const double RmsEpsilon = 1e-12;

    /// <summary>Group size: how many input channels merge into one output channel.</summary>
    public int R { get; }

    /// <summary>The reduction applied to each group.</summary>
    public ChannelPoolOp Op { get; }

    /// <summary>Which channels form a group.</summary>
    public ChannelGrouping Grouping { get; }

    /// <summary>Creates the pool; throws <see cref="ArgumentException"/> for r &lt; 1 or an undefined op/grouping.</summary>
    public ChannelPool(int r, ChannelPoolOp op = ChannelPoolOp.Max, ChannelGrouping grouping = ChannelGrouping.Adjacent)
        : base(nameof(ChannelPool))
    {
        if (r < 1) throw new ArgumentException($"ChannelPool: r must be at least 1, got {r}");
        if (!Enum.IsDefined(op)) throw new ArgumentException($"ChannelPool: unknown interchannel op {(int)op}");
        if (!Enum.IsDefined(grouping)) throw new ArgumentException($"ChannelPool: unknown channel grouping {(int)grouping}");
        R = r;
        Op = op;
        Grouping = grouping;
        RegisterComponents();
    }

    /// <summary>Number of output channels for <paramref name="inChannels"/> inputs; throws when r does not divide it.</summary>
    public long OutputChannels(long inChannels)
    {
        if (inChannels % R != 0)
        {
            throw new ArgumentException($"ChannelPool: {inChannels} input channels are not divisible by r={R}");
        }
        return inChannels / R;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (input.dim() < 2) throw new ArgumentException($"ChannelPool: expected input of rank >= 2 [N, C, ...], got rank {input.dim()}");
        long groups = OutputChannels(input.shape[1]);
        if (R == 1) return input.alias();

        var shape = input.shape;
        var grouped = new long[shape.Length + 1];
        grouped[0] = shape[0];
        int reduceDim;
        if (Grouping == ChannelGrouping.Adjacent)
        {
            grouped[1] = groups;
            grouped[2] = R;
            reduceDim = 2;
        }
        else
        {
            grouped[1] = R;
            grouped[2] = groups;
            reduceDim = 1;
        }
        Array.Copy(shape, 2, grouped, 3, shape.Length - 2);

        using var view = input.reshape(grouped);
        return Reduce(view, reduceDim);
    }

    /// <summary>
    /// True when applying <paramref name="activation"/> after this pool gives exactly what applying
    /// it before gives: the activation is monotone non-decreasing and the op picks or orders members
    /// (max, min, select). Then the activation runs on C/r channels instead of C.
    /// </summary>
    public bool CommutesWith(ActivationKind activation) =>
        (activation is ActivationKind.None or ActivationKind.ReLU or ActivationKind.ReLU6)
        && (Op is ChannelPoolOp.Max or ChannelPoolOp.Min or ChannelPoolOp.Select);

    /// <summary>
    /// Writes the pool as a Reshape to the same grouped view the forward pass takes (the spatial sizes read
    /// from the input's shape, so any H x W works) and a reduction over the r axis. Stochastic writes its
    /// evaluation-mode mean.
    /// </summary>
    public string Export(IOnnxGraph graph, string input)
    {
        if (R == 1) return input;
        bool adjacent = Grouping == ChannelGrouping.Adjacent;
        long axis = adjacent ? 2 : 1;
        string spatial = graph.Slice(graph.Node("Shape", "shape", [input]), 0, 2, long.MaxValue);
        // 0 keeps the batch size; -1 lets Reshape work out C/r, which this layer is not told.
        string head = graph.AddInt64s("group_shape", adjacent ? [0, -1, R] : [0, R, -1]);
        string target = graph.Node("Concat", "grouped_shape", [head, spatial], OnnxAttribute.Int("axis", 0));
        string grouped = graph.Node("Reshape", "grouped", [input, target]);
        switch (Op)
        {
            case ChannelPoolOp.Max: return graph.Reduce("ReduceMax", grouped, [axis], keepDims: false);
            case ChannelPoolOp.Min: return graph.Reduce("ReduceMin", grouped, [axis], keepDims: false);
            case ChannelPoolOp.Mean:
            case ChannelPoolOp.Stochastic: return graph.Reduce("ReduceMean", grouped, [axis], keepDims: false);
            case ChannelPoolOp.Sum: return graph.Reduce("ReduceSum", grouped, [axis], keepDims: false);
            case ChannelPoolOp.LogSumExp: return graph.Reduce("ReduceLogSumExp", grouped, [axis], keepDims: false);
            case ChannelPoolOp.Rms:
            {
                string squares = graph.Node("Mul", "squares", [grouped, grouped]);
                string meanSquare = graph.Reduce("ReduceMean", squares, [axis], keepDims: false);
                string shifted = graph.Node("Add", "shifted", [meanSquare, graph.AddFloats("rms_eps", [(float)RmsEpsilon], [])]);
                return graph.Node("Sqrt", "rms", [shifted]);
            }
            case ChannelPoolOp.AbsMax:
            {
                string magnitude = graph.Node("Abs", "magnitude", [grouped]);
                string index = graph.Node("ArgMax", "absmax_index", [magnitude],
                    OnnxAttribute.Int("axis", axis), OnnxAttribute.Int("keepdims", 1));
                return graph.Squeeze(graph.Node("GatherElements", "absmax", [grouped, index], OnnxAttribute.Int("axis", axis)), axis);
            }
            case ChannelPoolOp.Select:
                return graph.Node("Gather", "select", [grouped, graph.AddInt64s("first", [0], [])], OnnxAttribute.Int("axis", axis));
            default:
                throw new NotSupportedException($"ChannelPool: no ONNX mapping for interchannel op {Op}");
        }
    }

    private Tensor Reduce(Tensor grouped, int dim)
    {
        long[] dims = [dim];
        switch (Op)
        {
            case ChannelPoolOp.Max:
                return ExtremePool.Reduce(grouped, dim, max: true);
            case ChannelPoolOp.Min:
                return ExtremePool.Reduce(grouped, dim, max: false);
            case ChannelPoolOp.Mean:
                return grouped.mean(dims);
            case ChannelPoolOp.Sum:
                return grouped.sum(dims);
            case ChannelPoolOp.Rms:
            {
                using var squares = grouped.square();
                using var meanSquare = squares.mean(dims);
                using var shifted = meanSquare.add(RmsEpsilon);
                return shifted.sqrt();
            }
            case ChannelPoolOp.AbsMax:
            {
                using var magnitude = grouped.abs();
                using var index = magnitude.argmax(dim, keepdim: true);
                using var picked = grouped.gather(dim, index);
                return picked.squeeze(dim);
            }
            case ChannelPoolOp.LogSumExp:
                return grouped.logsumexp(dim);
            case ChannelPoolOp.Stochastic:
            {
                if (!training) return grouped.mean(dims);
                var indexShape = (long[])grouped.shape.Clone();
                indexShape[dim] = 1;
                using var index = randint(0, R, indexShape, dtype: ScalarType.Int64, device: grouped.device);
                using var picked = grouped.gather(dim, index);
                return picked.squeeze(dim);
            }
            case ChannelPoolOp.Select:
                return grouped.select(dim, 0);
            default:
                throw new ArgumentException($"ChannelPool: unknown interchannel op {Op}");
        }
    }
}
