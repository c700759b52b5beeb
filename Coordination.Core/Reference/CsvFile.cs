using System.Globalization;
using nietras.SeparatedValues;

namespace Coordination.Core.Reference;

/// <summary>
/// Reads the reference CSV files of <c>data/</c> with Sep (UTF-8, header row, RFC 4180 quoting: a quoted cell may
/// hold commas, quotes and line breaks) into typed rows. A file that cannot be read as its rows — a missing column,
/// a value of the wrong type, a key that does not exist — is refused with <see cref="ReferenceFileException"/>
/// naming the file, the line and the column; nothing is ever read as a default.
/// </summary>
public static class CsvFile
{
    public static IReadOnlyList<TRow> Read<TRow>(string path, Func<CsvLine, TRow> map)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).FromFile(path);
        var header = reader.Header.ColNames;
        var rows = new List<TRow>();
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue;
            }
            if (row.ColCount != header.Count)
            {
                throw new ReferenceFileException(path, row.LineNumberFrom, null, $"the line has {row.ColCount} cells, the header {header.Count}.");
            }
            var cells = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
            {
                cells[header[c]] = row[c].ToString();
            }
            rows.Add(map(new CsvLine(path, row.LineNumberFrom, cells)));
        }
        return rows;
    }
}

/// <summary>One line of a reference file, read cell by cell into the row's types; a cell that does not read says where it is.</summary>
public sealed class CsvLine(string path, int line, IReadOnlyDictionary<string, string> cells)
{
    public string Text(string column) =>
        cells.TryGetValue(column, out var value)
            ? value
            : throw new ReferenceFileException(path, 1, column, "the header lacks this column.");

    public string Required(string column) =>
        Text(column) is { Length: > 0 } value ? value : throw Bad(column, "the cell is empty.");

    public int? OptionalInt(string column) =>
        Text(column) is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw Bad(column, $"'{text}' is not a whole number.");

    public DateOnly Date(string column) =>
        DateOnly.TryParseExact(Required(column), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Bad(column, $"'{Text(column)}' is not a date as 2026-12-31.");

    /// <summary>A domain key (<c>hope-cabin</c>) as its enum value; anything else is a bad value, never a default.</summary>
    public T Key<T>(string column) where T : struct, Enum =>
        EnumKeys.TryParse<T>(Required(column), out var value)
            ? value
            : throw Bad(column, $"'{Text(column)}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(v => v.Key()))}.");

    private ReferenceFileException Bad(string column, string problem) => new(path, line, column, problem);
}
