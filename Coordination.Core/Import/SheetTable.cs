namespace Coordination.Core.Import;

/// <summary>A sheet as read: its header row and the rows below it (empty rows left out, and counted).</summary>
public sealed class SheetTable
{
    public required string Sheet { get; init; }

    /// <summary>Every sheet of the file, in order (one for a CSV file).</summary>
    public required IReadOnlyList<string> Sheets { get; init; }

    /// <summary>The row number (1-based, as Excel shows it) of the header row.</summary>
    public required int HeaderRow { get; init; }

    public required IReadOnlyList<string> Headers { get; init; }

    public required IReadOnlyList<SheetRow> Rows { get; init; }

    /// <summary>Rows with nothing in them between the header and the last row: skipped, and said so in the report.</summary>
    public required IReadOnlyList<int> EmptyRows { get; init; }
}

/// <summary>One row below the header: its number as Excel shows it and its cells by column (null where empty).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<ImportCell?> Cells)
{
    public ImportCell? this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : null;
}
