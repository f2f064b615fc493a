using System.Globalization;

namespace CompactConv.Data.Images;

/// <summary>
/// Reads a list of class names, one per line, as CIFAR ships them (<c>batches.meta.txt</c>,
/// <c>fine_label_names.txt</c>, <c>coarse_label_names.txt</c>). The published files end with blank
/// lines, so blank lines after the last name are allowed; a blank line between names would shift
/// every later label onto the wrong name, so it is an error.
/// </summary>
internal static class ClassNameFile
{
    /// <summary>The names in <paramref name="path"/>, which must number exactly <paramref name="expected"/>.</summary>
    /// <exception cref="DataException">The file is unreadable, has a blank line between names, a
    /// repeated name, or another number of names than the labels need.</exception>
    public static IReadOnlyList<string> Read(string path, int expected)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException e)
        {
            throw new DataException(path, $"cannot read: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataException(path, $"cannot read: {e.Message.ReplaceLineEndings(" ")}", e);
        }

        int last = lines.Length - 1;
        while (last >= 0 && lines[last].Trim().Length == 0)
            last--;
        var names = new List<string>(last + 1);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i <= last; i++)
        {
            string name = lines[i].Trim();
            int lineNumber = i + 1;
            if (name.Length == 0)
                throw new DataException(path, string.Create(CultureInfo.InvariantCulture, $"line {lineNumber} is blank, but class names follow it"));
            if (firstLine.TryGetValue(name, out int earlier))
                throw new DataException(path, string.Create(CultureInfo.InvariantCulture, $"class name '{name}' appears on lines {earlier} and {lineNumber}"));
            firstLine[name] = lineNumber;
            names.Add(name);
        }
        if (names.Count != expected)
            throw new DataException(path, string.Create(CultureInfo.InvariantCulture, $"lists {names.Count} class names, but the labels need {expected}"));
        return names;
    }
}
