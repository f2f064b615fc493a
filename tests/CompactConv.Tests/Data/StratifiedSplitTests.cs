using CompactConv.Data;

namespace CompactConv.Tests.Data;

public class StratifiedSplitTests
{
    [Theory]
    [InlineData(5, 0.2, 1)]
    [InlineData(10, 0.25, 3)] // 2.5 rounds away from zero
    [InlineData(2, 0.9, 1)]   // both sides keep a file
    [InlineData(3, 0.01, 1)]  // a class of two or more always tests one
    [InlineData(1, 0.5, 0)]   // a single file trains
    [InlineData(8, 0, 0)]
    public void TestCountIsTheRoundedShareKeepingBothSides(int files, double fraction, int expected) =>
        Assert.Equal(expected, StratifiedSplit.TestCount(files, fraction));

    [Fact]
    public void MembersDependOnTheClassNameAndSeedOnly()
    {
        string[] names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];

        var first = StratifiedSplit.TestMembers(names, "cat", seed: 3, fraction: 0.3);

        Assert.Equal(3, first.Count);
        Assert.Subset(names.ToHashSet(), first);
        Assert.Equal(first, StratifiedSplit.TestMembers(names, "cat", seed: 3, fraction: 0.3));
    }
}
