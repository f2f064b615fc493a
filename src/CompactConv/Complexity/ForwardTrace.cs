using static TorchSharp.torch;

namespace CompactConv.Complexity;

/// <summary>
/// Forward hooks on a set of leaf modules for the span of one measurement; disposing removes them,
/// so measuring twice never double-counts.
/// </summary>
/// <remarks>
/// TorchSharp runs hooks only from <c>Module.call()</c>, not from <c>forward()</c>: a leaf that its parent
/// invokes with <c>forward()</c> runs unseen. <see cref="NotSeen"/> lists such leaves so the caller can refuse
/// to report a silently incomplete count.
/// </remarks>
internal sealed class ForwardTrace : IDisposable
{
    private readonly List<Action> removers = [];
    private readonly List<LeafRecord> all = [];
    private readonly List<LeafRecord> firstCallOrder = [];
    private readonly List<string> unhookable = [];

    private ForwardTrace() { }

    /// <summary>Hooks every leaf in <paramref name="leaves"/>.</summary>
    public static ForwardTrace Attach(IEnumerable<(string Name, nn.Module Module)> leaves)
    {
        var trace = new ForwardTrace();
        try
        {
            foreach (var (name, module) in leaves) trace.Hook(name, module);
        }
        catch
        {
            trace.Dispose();
            throw;
        }
        return trace;
    }

    /// <summary>The leaves that ran, in the order of their first call.</summary>
    public IReadOnlyList<LeafRecord> Seen => firstCallOrder;

    /// <summary>Names of leaves that never reached a hook: not called through <c>call()</c>, not called at all, or not hookable.</summary>
    public IEnumerable<string> NotSeen => unhookable.Concat(all.Where(r => r.Calls == 0).Select(r => r.Name));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var remove in removers) remove();
        removers.Clear();
    }

    private void Hook(string name, nn.Module module)
    {
        var record = new LeafRecord(name, module);
        switch (module)
        {
            case nn.Module<Tensor, Tensor> plain:
                removers.Add(plain.register_forward_hook((_, input, output) =>
                {
                    Observe(record, input, output);
                    return output;
                }).remove);
                break;
            case nn.Module<Tensor, Tensor, (Tensor, Tensor)> recurrent:
                // GRU and RNN: (input, h0) -> (output sequence, final state); the sequence is what costs and what stays allocated.
                removers.Add(recurrent.register_forward_hook((_, input, _, output) =>
                {
                    Observe(record, input, output.Item1);
                    return output;
                }).remove);
                break;
            default:
                unhookable.Add(name);
                return;
        }
        all.Add(record);
    }

    private void Observe(LeafRecord record, Tensor input, Tensor output)
    {
        if (record.Calls == 0) firstCallOrder.Add(record);
        record.Add(input, output);
    }
}
