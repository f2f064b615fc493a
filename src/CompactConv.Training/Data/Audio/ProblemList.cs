using System.Globalization;

namespace CompactConv.Data.Audio;

/// <summary>
/// Every problem found while reading a dataset, so the user can fix them all in one go instead
/// of one per run. Skippable problems cost one example or class; fatal ones make a whole
/// metadata file unusable, so skipping cannot help.
/// </summary>
internal sealed class ProblemList
{
    // The exception message stays one readable line; the full list goes to AudioSplits.Skipped.
    private const int ShownInMessage = 5;

    private readonly List<string> _problems = [];

    /// <summary>All problems in the order found.</summary>
    public IReadOnlyList<string> All => _problems;

    /// <summary>Number of problems.</summary>
    public int Count => _problems.Count;

    /// <summary>Whether a problem makes loading impossible even with skipping.</summary>
    public bool HasFatal { get; private set; }

    /// <summary>A problem that costs the example (or class) it concerns.</summary>
    public void Add(string problem) => _problems.Add(OneLine(problem));

    /// <summary>A problem that makes a file, and so the dataset, unreadable.</summary>
    public void AddFatal(string problem)
    {
        _problems.Add(OneLine(problem));
        HasFatal = true;
    }

    /// <summary>The error for <paramref name="path"/> summarising the problems found so far.</summary>
    public DataException ToException(string path)
    {
        string count = _problems.Count == 1 ? "1 problem" : string.Create(CultureInfo.InvariantCulture, $"{_problems.Count} problems");
        string shown = string.Join("; ", _problems.Take(ShownInMessage));
        if (_problems.Count > ShownInMessage)
            shown += string.Create(CultureInfo.InvariantCulture, $"; ... and {_problems.Count - ShownInMessage} more");
        return new DataException(path, $"{count}: {shown}");
    }

    // Metadata values can hold quoted line breaks; a problem must still print as one line.
    private static string OneLine(string text) =>
        text.Contains('\n') || text.Contains('\r') ? text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ') : text;
}
