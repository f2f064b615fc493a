using CompactConv.Pipelines;
using CompactConv.Training;

namespace CompactConv.Tests.Training;

/// <summary>Comparisons of what two run folders hold.</summary>
public static class RunFolderAssert
{
    /// <summary>The last checkpoints of both folders have bit-for-bit equal weights.</summary>
    public static void SameWeights(string folderA, string folderB, RunConfig config)
    {
        using var a = TrainedRun.LoadModel(folderA, config);
        using var b = TrainedRun.LoadModel(folderB, config);
        var pa = a.parameters().ToArray();
        var pb = b.parameters().ToArray();
        Assert.Equal(pa.Length, pb.Length);
        for (int i = 0; i < pa.Length; i++) Assert.True(pa[i].eq(pb[i]).all().item<bool>(), $"parameter {i} differs");
    }

    /// <summary>Running stops with a divergence error naming NaN and epoch 1, before any checkpoint is written.</summary>
    public static void DivergesInFirstEpochWithoutCheckpoint(string folder, Action run)
    {
        var e = Assert.Throws<TrainingDivergedException>(run);
        Assert.Contains("NaN", e.Message);
        Assert.Contains("epoch 1", e.Message);
        Assert.False(new CheckpointStore(folder).Exists);
    }
}
