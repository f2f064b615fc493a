using CompactConv.Data;

namespace CompactConv.Pipelines;

/// <summary>
/// Refuses images a run's model was not built for. Without the check, other channel counts fail deep
/// in normalisation (an index out of range) and other sizes in libtorch, naming neither the data nor the run.
/// </summary>
internal static class RunInputShape
{
    /// <summary>Throws unless <paramref name="images"/> are channels x height x width <paramref name="inputShape"/>.</summary>
    /// <param name="images">The images read for the run.</param>
    /// <param name="inputShape">The run's model input [C, H, W].</param>
    /// <param name="where">The data folder (or, without one, where the images came from), named by the error.</param>
    /// <exception cref="DataException">The shapes differ.</exception>
    public static void Require(ImageDataset images, int[] inputShape, string where)
    {
        int[] shape = [images.Channels, images.Height, images.Width];
        if (!shape.SequenceEqual(inputShape))
            throw new DataException(where, $"holds {Text(shape)} images (channels x height x width), but the run's model takes {Text(inputShape)} input");
    }

    private static string Text(int[] shape) => string.Join("x", shape);
}
