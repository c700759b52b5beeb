namespace Coordination.Core.Import;

/// <summary>A sheet's header row and the fields its headers name, as the mapping step shows them.</summary>
public sealed record ImportHeaders(string Sheet, IReadOnlyList<string> Sheets, int HeaderRow, IReadOnlyList<string> Headers, IReadOnlyDictionary<string, string> Mapping)
{
    /// <summary>
    /// Reads only what a caller needs to correct a mapping that a dry run refused (a required column not found by
    /// name): the sheet's headers and the fields found. Writes nothing and reads nothing of the register.
    /// </summary>
    /// <exception cref="ImportFileException">The file itself cannot be imported.</exception>
    public static ImportHeaders Read(Actor actor, ImportFile file, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanScreen(actor), "import registers");
        var table = SpreadsheetReader.Read(file.Content, file.FileName, file.Sheet, ct);
        var found = ImportColumns.FoundByName(table.Headers).ToDictionary(kv => kv.Key, kv => table.Headers[kv.Value], StringComparer.Ordinal);
        return new ImportHeaders(table.Sheet, table.Sheets, table.HeaderRow, table.Headers, found);
    }

    public static ImportHeaders Of(ImportReport report) => new(report.Sheet, report.Sheets, report.HeaderRow, report.Headers, report.Mapping);
}
