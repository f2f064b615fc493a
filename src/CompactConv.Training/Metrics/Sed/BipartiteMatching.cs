namespace CompactConv.Metrics.Sed;

/// <summary>
/// Maximum-cardinality matching of reference to estimated events: Hopcroft-Karp in the form sed_eval
/// takes from mir_eval (after D. Eppstein's implementation), reproduced step for step, including the
/// order in which it visits vertices. Every maximum matching has the same size, but which events stay
/// unmatched depends on that order, and sed_eval counts substitutions among the unmatched events, so
/// matching the same pairs is what makes the substitution, deletion and insertion counts agree.
/// </summary>
internal static class BipartiteMatching
{
    // Values of pred[u]: u is not (or no longer) in pred; u was a free vertex of the first layer;
    // otherwise the reference vertex that led to u.
    private const int Absent = -1;
    private const int FirstLayer = -2;

    /// <summary>
    /// The estimated event matched to each reference event (-1 for none).
    /// </summary>
    /// <param name="referenceCount">Reference events.</param>
    /// <param name="estimatedCount">Estimated events.</param>
    /// <param name="edges">
    /// The pairs that may match, ordered by reference index and then estimated index: the order in
    /// which numpy.where lists the hit matrix, which fixes the order of sed_eval's graph.
    /// </param>
    public static int[] Match(int referenceCount, int estimatedCount, IReadOnlyList<(int Reference, int Estimated)> edges)
    {
        // The graph maps each estimated event to its reference neighbours; its keys are in the order first seen.
        var neighbours = new List<int>?[estimatedCount];
        var keys = new List<int>();
        foreach (var (reference, estimated) in edges)
        {
            if (neighbours[estimated] is null)
            {
                neighbours[estimated] = [];
                keys.Add(estimated);
            }
            neighbours[estimated]!.Add(reference);
        }
        return new Search(referenceCount, estimatedCount, neighbours, keys).Run();
    }

    private sealed class Search(int referenceCount, int estimatedCount, List<int>?[] neighbours, List<int> keys)
    {
        private readonly int[] _matchOf = Enumerable.Repeat(-1, referenceCount).ToArray();
        private readonly int[] _pred = new int[estimatedCount];
        private readonly List<int>?[] _preds = new List<int>?[referenceCount];

        // The explicit stack of the recursive path search: a reference vertex, its predecessor
        // list, the position reached in it and the estimated vertex being tried.
        private readonly int[] _stackVertex = new int[referenceCount];
        private readonly List<int>[] _stackList = new List<int>[referenceCount];
        private readonly int[] _stackPosition = new int[referenceCount];
        private readonly int[] _stackTried = new int[referenceCount];

        public int[] Run()
        {
            // A greedy matching first, which the phases then augment.
            foreach (int u in keys)
            {
                foreach (int v in neighbours[u]!)
                {
                    if (_matchOf[v] < 0)
                    {
                        _matchOf[v] = u;
                        break;
                    }
                }
            }
            var unmatched = new List<int>();
            var layerLists = new List<int>?[referenceCount];
            while (true)
            {
                Array.Fill(_preds, null);
                unmatched.Clear();
                Array.Fill(_pred, Absent);
                foreach (int u in keys) _pred[u] = FirstLayer;
                foreach (int u in _matchOf)
                {
                    if (u >= 0) _pred[u] = Absent;
                }
                var layer = keys.Where(u => _pred[u] == FirstLayer).ToList();
                while (layer.Count > 0 && unmatched.Count == 0)
                {
                    var layerOrder = new List<int>();
                    foreach (int u in layer)
                    {
                        foreach (int v in neighbours[u]!)
                        {
                            if (_preds[v] is not null) continue;
                            if (layerLists[v] is null)
                            {
                                layerLists[v] = [];
                                layerOrder.Add(v);
                            }
                            layerLists[v]!.Add(u);
                        }
                    }
                    layer = [];
                    foreach (int v in layerOrder)
                    {
                        _preds[v] = layerLists[v];
                        layerLists[v] = null;
                        if (_matchOf[v] >= 0)
                        {
                            layer.Add(_matchOf[v]);
                            _pred[_matchOf[v]] = v;
                        }
                        else
                        {
                            unmatched.Add(v);
                        }
                    }
                }
                if (unmatched.Count == 0)
                    return _matchOf;
                foreach (int v in unmatched)
                    Augment(v);
            }
        }

        // The recursive search of the original, unrolled so a long alternating path cannot exhaust
        // the call stack: from reference vertex root, back through the layers to a free estimated vertex.
        private void Augment(int root)
        {
            int top = -1;
            if (!Push(root, ref top)) return;
            bool found = false, returning = false;
            while (top >= 0)
            {
                if (returning)
                {
                    if (found)
                    {
                        _matchOf[_stackVertex[top]] = _stackTried[top];
                        top--;
                        continue;
                    }
                    returning = false;
                }
                bool descended = false;
                var list = _stackList[top];
                while (_stackPosition[top] < list.Count)
                {
                    int u = list[_stackPosition[top]++];
                    int pu = _pred[u];
                    if (pu == Absent) continue;
                    _pred[u] = Absent;
                    _stackTried[top] = u;
                    if (pu == FirstLayer)
                    {
                        found = true;
                        returning = true;
                        descended = true;
                        // Matched here; the frames below take the estimated vertex each one tried.
                        _matchOf[_stackVertex[top]] = u;
                        top--;
                        break;
                    }
                    if (Push(pu, ref top))
                    {
                        descended = true;
                        break;
                    }
                }
                if (!descended)
                {
                    found = false;
                    returning = true;
                    top--;
                }
            }
        }

        private bool Push(int v, ref int top)
        {
            if (_preds[v] is not { } list) return false;
            _preds[v] = null;
            top++;
            _stackVertex[top] = v;
            _stackList[top] = list;
            _stackPosition[top] = 0;
            return true;
        }
    }
}
