using CompactConv.Metrics.Sed;

namespace CompactConv.Tests.Metrics.Sed;

public class BipartiteMatchingTests
{
    [Fact]
    public void GreedyStartIsAugmentedAlongAnAlternatingPath()
    {
        // Edges r0-e0, r0-e1, r1-e0, r1-e2, r2-e2. Graph keys in first-seen order: e0 [r0, r1],
        // e1 [r0], e2 [r1, r2]. Greedy start: e0-r0, e1 finds r0 taken, e2-r1: two pairs.
        // The phase from the free e1 layers r0 -> e0 -> r1 -> e2 -> r2 (free) and flips the path:
        // r0-e1, r1-e0, r2-e2.
        var match = BipartiteMatching.Match(3, 3, [(0, 0), (0, 1), (1, 0), (1, 2), (2, 2)]);
        Assert.Equal([1, 0, 2], match);
    }

    [Fact]
    public void EveryEventStaysUnmatchedWithoutEdgesAndTheGreedyChoiceStandsWhenMaximal()
    {
        Assert.Equal([-1, -1], BipartiteMatching.Match(2, 3, []));
        // e0 [r0, r1]: the greedy start takes r0 and no augmenting path exists; r1 stays free.
        Assert.Equal([0, -1], BipartiteMatching.Match(2, 1, [(0, 0), (1, 0)]));
    }

    [Fact]
    public void ALongAlternatingPathIsFollowedWithoutExhaustingTheStack()
    {
        // e_j fits r_j and r_(j+1) (j < n - 1); e_(n-1) fits r_0 only. In the graph's key order
        // (e_0, e_(n-1), e_1, ...) the greedy start pairs r_j with e_j and leaves e_(n-1) and r_(n-1)
        // free; the one augmenting path runs through all 2n vertices and shifts every pair:
        // r_0-e_(n-1) and r_j-e_(j-1).
        const int n = 20000;
        var edges = new List<(int, int)> { (0, 0), (0, n - 1) };
        for (int j = 1; j < n; j++)
        {
            edges.Add((j, j - 1));
            if (j < n - 1) edges.Add((j, j));
        }
        var match = BipartiteMatching.Match(n, n, edges);
        Assert.Equal(n - 1, match[0]);
        Assert.All(Enumerable.Range(1, n - 1), j => Assert.Equal(j - 1, match[j]));
    }
}
