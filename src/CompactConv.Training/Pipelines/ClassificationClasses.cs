namespace CompactConv.Pipelines;

/// <summary>
/// Refuses data with fewer than two classes for classification, before any work: one class is a task
/// every model solves at "100 %", which looks like success and learns nothing. The dataset loaders
/// accept it (a folder layout with one class folder is well-formed, and detecting one kind of sound
/// event is a real task); it is classification that cannot use it.
/// </summary>
internal static class ClassificationClasses
{
    /// <summary>Throws unless <paramref name="classes"/> holds at least two classes.</summary>
    /// <param name="classes">The training split's classes.</param>
    /// <param name="where">The data folder (or, without one, where the data came from), named by the error.</param>
    /// <exception cref="DataException">There are fewer than two classes.</exception>
    public static void Require(IReadOnlyList<string> classes, string where)
    {
        if (classes.Count < 2)
            throw new DataException(where, classes.Count == 0 ? "no classes" : $"only one class ('{classes[0]}'); classification needs at least two");
    }
}
