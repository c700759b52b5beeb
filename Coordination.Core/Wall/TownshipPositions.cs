namespace Coordination.Core.Wall;

/// <summary>
/// Where each of the 27 areas sits on the wall's tile map (<c>data/township-positions.csv</c>: key, row, column;
/// row 1 is the north, column 1 the west). Approximate geography, not a survey. Every key of
/// <c>townships.csv</c> must have exactly one place and no two areas one cell: a bad file stops start-up.
/// </summary>
public sealed class TownshipPositions
{
    public const string File = "township-positions.csv";

    private readonly IReadOnlyDictionary<string, (int Row, int Column)> _places;

    private TownshipPositions(IReadOnlyDictionary<string, (int Row, int Column)> places)
    {
        _places = places;
        Rows = places.Count == 0 ? 1 : places.Values.Max(p => p.Row);
        Columns = places.Count == 0 ? 1 : places.Values.Max(p => p.Column);
    }

    public int Rows { get; }

    public int Columns { get; }

    public (int Row, int Column)? Of(string key) => _places.TryGetValue(key, out var p) ? p : null;

    /// <exception cref="ReferenceFileException">A line does not read, a key is unknown, missing, repeated, or two share a cell.</exception>
    public static TownshipPositions Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, File);
        var known = CsvFile.Read(Path.Combine(dataDirectory, ReferenceData.TownshipsFile), TownshipRow.From).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var places = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var cells = new HashSet<(int, int)>();
        var line = 1;
        foreach (var (key, r, c) in CsvFile.Read(path, l => (l.Required("key"), l.OptionalInt("row"), l.OptionalInt("column"))))
        {
            line++;
            if (r is not > 0 || c is not > 0)
            {
                throw new ReferenceFileException(path, line, r is not > 0 ? "row" : "column", "a place is a row and a column from 1.");
            }
            var (row, column) = (r.Value, c.Value);
            if (!known.Contains(key))
            {
                throw new ReferenceFileException(path, line, "key", $"'{key}' is not a key of {ReferenceData.TownshipsFile}.");
            }
            if (!places.TryAdd(key, (row, column)))
            {
                throw new ReferenceFileException(path, line, "key", $"'{key}' has a place already.");
            }
            if (!cells.Add((row, column)))
            {
                throw new ReferenceFileException(path, line, "row", $"cell {row},{column} is taken by another area.");
            }
        }
        var missing = known.Where(k => !places.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ReferenceFileException(path, line, "key", $"no place for: {string.Join(", ", missing)}.");
        }
        return new TownshipPositions(places);
    }
}
