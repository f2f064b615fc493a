using System.Globalization;

namespace CompactConv.Data.Audio;

/// <summary>
/// The class list of a dataset that numbers its classes (ESC-50 target, UrbanSound8K classID):
/// every row repeats both id and name, so rows that disagree with earlier ones are caught here.
/// </summary>
internal sealed class NumberedClasses(string idColumn, string nameColumn)
{
    private readonly SortedDictionary<int, (string Name, string Where)> _byId = [];
    private readonly Dictionary<string, (int Id, string Where)> _byName = new(StringComparer.Ordinal);

    /// <summary>Class names ordered by id.</summary>
    public IReadOnlyList<string> Names => _byId.Values.Select(v => v.Name).ToList();

    /// <summary>Records the row's pair; false, with the conflict described, when an earlier row paired differently.</summary>
    public bool TryAdd(int id, string name, string where, out string? conflict)
    {
        conflict = null;
        if (_byId.TryGetValue(id, out var named) && named.Name != name)
            conflict = $"{where}: {nameColumn} '{name}' for {idColumn} {id.ToString(CultureInfo.InvariantCulture)}, which is '{named.Name}' at {named.Where}";
        else if (_byName.TryGetValue(name, out var numbered) && numbered.Id != id)
            conflict = $"{where}: {idColumn} {id.ToString(CultureInfo.InvariantCulture)} for {nameColumn} '{name}', which is {numbered.Id.ToString(CultureInfo.InvariantCulture)} at {numbered.Where}";
        if (conflict is not null)
            return false;
        _byId.TryAdd(id, (name, where));
        _byName.TryAdd(name, (id, where));
        return true;
    }
}
