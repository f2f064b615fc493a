using CompactConv.Export;
using CompactConv.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// A convolutional recurrent network for sound event detection on log-mel input [N, C, mels, frames]:
/// conv blocks from <see cref="ConvFactory"/> that pool only frequency, a bidirectional GRU over time
/// on the flattened channel x band features, and a linear layer to per-frame class logits
/// [N, frames, classes]. The sigmoid belongs to the loss and to inference.
/// </summary>
/// <remarks>
/// <para>No layer strides or pools along time, so output frame t describes input frame t
/// (<see cref="TimeStride"/> = 1) and frame targets need no resampling.</para>
/// <para>The first block sees one channel, so it stays standard as in <see cref="DcaseBaseline"/>;
/// the others use the spec's conv kind. The width multiplier scales the block channels.</para>
/// <para>With <see cref="CrnnOptions.AttentionHead"/>, the output layer also gives one attention
/// logit a class and frame, and <see cref="ForwardWithClip"/> pools frames into clip probabilities
/// (see <see cref="AttentionPool"/>). The head shares the output layer so that <c>forward</c> runs every
/// module and <see cref="Complexity.ModelCost"/> counts the head's cost.</para>
/// </remarks>
public sealed class Crnn : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly GRU gru;
    private readonly nn.Module<Tensor, Tensor> dropout;
    private readonly nn.Module<Tensor, Tensor> output;
    private readonly int classes;

    /// <summary>Builds the network for <paramref name="spec"/> (input shape [C, mels, frames]) with the default sizes.</summary>
    public Crnn(ModelSpec spec) : this(spec, CrnnOptions.Default) { }

    /// <summary>Builds the network for <paramref name="spec"/> with the sizes of <paramref name="options"/>.</summary>
    public Crnn(ModelSpec spec, CrnnOptions options) : base(nameof(Crnn))
    {
        options.Validate();
        if (spec.InputShape.Length != 3)
        {
            throw new ArgumentException($"crnn: input shape must be [channels, mels, frames], got [{string.Join(", ", spec.InputShape)}]");
        }
        classes = spec.NumClasses;
        AttentionHead = options.AttentionHead;
        long bands = spec.InputShape[1];
        long channels = spec.InputShape[0];
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int b = 0; b < options.Channels.Count; b++)
        {
            long width = SmallCnn.Scale(options.Channels[b], spec.Width);
            var kind = b == 0 ? ConvKind.Standard : spec.Conv;
            layers.Add(($"block{b + 1}", ConvFactory.Create(kind, channels, width, options.KernelSize, options: spec.ConvOptions)));
            bool last = b == options.Channels.Count - 1;
            long pool = last ? bands : Math.Min(options.FrequencyPools[b], bands);
            if (pool > 1) layers.Add(($"pool{b + 1}", nn.MaxPool2d([pool, 1])));
            layers.Add(($"drop{b + 1}", nn.Dropout(options.Dropout)));
            bands /= pool;
            channels = width;
        }
        features = nn.Sequential(layers);
        gru = nn.GRU(channels * bands, options.GruHidden, batchFirst: true, bidirectional: true);
        dropout = nn.Dropout(options.Dropout);
        output = nn.Linear(2L * options.GruHidden, classes * (AttentionHead ? 2L : 1L));
        RegisterComponents();
    }

    /// <summary>Input frames per output frame: 1, since nothing pools or strides along time.</summary>
    public int TimeStride => 1;

    /// <summary>Whether the attention pooling head for clip-level labels is present.</summary>
    public bool AttentionHead { get; }

    /// <summary>Frame logits [N, frames, classes] for input [N, C, mels, frames].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Heads(input).narrow(2, 0, classes).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Writes the frame logits [N, frames, classes] (what <see cref="forward"/> computes; the attention
    /// head's logits are cut off the same way), with the frame count read from the input at run time.
    /// </summary>
    public string Export(IOnnxGraph graph, string input)
    {
        string maps = OnnxModuleExport.Export(graph, features, input);                       // [N, C, bands, T]
        string frames = graph.Node("Transpose", "frames_first", [maps], OnnxAttribute.Ints("perm", 0, 3, 1, 2));
        string sequence = graph.Node("Reshape", "sequence", [frames, graph.AddInt64s("sequence_shape", [0, 0, -1])]);
        string states = OnnxRecurrentExport.Gru(graph, gru, sequence, batchFirst: true);    // [N, T, 2 * hidden]
        string heads = OnnxModuleExport.Export(graph, output, OnnxModuleExport.Export(graph, dropout, states));
        return AttentionHead ? graph.Slice(heads, 2, 0, classes) : heads;
    }

    /// <summary>
    /// Frame logits [N, frames, classes] and clip probabilities [N, classes] from the attention head;
    /// throws <see cref="InvalidOperationException"/> when the model was built without it.
    /// </summary>
    public (Tensor FrameLogits, Tensor ClipProbabilities) ForwardWithClip(Tensor input)
    {
        if (!AttentionHead) throw new InvalidOperationException("crnn: built without the attention head (CrnnOptions.AttentionHead)");
        using var scope = NewDisposeScope();
        var heads = Heads(input);
        var frameLogits = heads.narrow(2, 0, classes);
        var clip = AttentionPool(frameLogits, heads.narrow(2, classes, classes));
        return (frameLogits.MoveToOuterDisposeScope(), clip.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Attention pooling over time: clip probability of class c = sum over t of
    /// softmax_t(attention[:, t, c]) * sigmoid(frame[:, t, c]), a weighted mean of frame probabilities
    /// whose weights the network learns, so it lies between their minimum and maximum. Both inputs are
    /// [N, frames, classes]; the result is [N, classes].
    /// </summary>
    public static Tensor AttentionPool(Tensor frameLogits, Tensor attentionLogits)
    {
        using var scope = NewDisposeScope();
        var weights = nn.functional.softmax(attentionLogits, 1);
        return (weights * nn.functional.sigmoid(frameLogits)).sum(1).MoveToOuterDisposeScope();
    }

    // [N, frames, classes] frame logits, followed by as many attention logits when the head is on.
    private Tensor Heads(Tensor input)
    {
        var maps = features.call(input);                      // [N, C, bands, T]
        var sequence = maps.permute(0, 3, 1, 2).flatten(2);   // [N, T, C * bands]
        var (states, _) = gru.call(sequence);                 // [N, T, 2 * hidden]
        return output.call(dropout.call(states));
    }
}
