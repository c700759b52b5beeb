using Coordination.Core.Children;

namespace Coordination.Core.Import;

/// <summary>A file to import: its bytes, its name (for .csv/.xls), the sheet chosen and the caller's column corrections (field → header).</summary>
public sealed record ImportFile(byte[] Content, string FileName, string? Sheet = null, IReadOnlyDictionary<string, string>? Mapping = null);

/// <summary>
/// What the caller decided after the dry run: rows to leave out (refused ones, say), and rows whose near duplicates
/// it has looked at and says are other children (<see cref="Screenings.RecordScreening.DistinctFrom"/>).
/// </summary>
public sealed record ImportChoices(IReadOnlySet<int>? LeaveOut = null, IReadOnlySet<int>? Distinct = null)
{
    public static ImportChoices None { get; } = new();
}

/// <summary>How far the reading, checking or applying is (rows done of all).</summary>
public sealed record ImportProgress(ImportStage Stage, int Done, int Total);

public enum ImportStage
{
    Reading = 1,
    Checking = 2,
    Saving = 3,
    Done = 4,
}

/// <summary>What would become of one row (dry run) or became of it (apply).</summary>
public enum ImportOutcome
{
    /// <summary>A child not on the register: registered, with the screening.</summary>
    New = 1,

    /// <summary>A child on the register by its resident ID: the screening is recorded for it.</summary>
    Existing = 2,

    /// <summary>Same name, birth date and township as a child on the register, another resident ID: the caller decides.</summary>
    NearDuplicate = 3,

    /// <summary>The row breaks a rule (see its problems): it is not imported.</summary>
    Refused = 4,

    /// <summary>This agency's screening of this child on this date is already on the register (the file was imported before): nothing to do.</summary>
    Unchanged = 5,

    /// <summary>Left out by the caller at apply.</summary>
    LeftOut = 6,
}

/// <summary>One problem of a row: the field, the file's column header it came from (null for none) and the resource key of the reason.</summary>
public sealed record ImportProblem(string Field, string? Column, string Code);

/// <summary>One row of the report. Resident IDs masked; near duplicates as the caller may see them.</summary>
public sealed record ImportRowResult(
    int Row,
    ImportOutcome Outcome,
    string? Name,
    string? MaskedResidentId,
    DateOnly? BirthDate,
    string? Township,
    Guid? ChildId,
    IReadOnlyList<ChildMatch> Matches,
    IReadOnlyList<ImportProblem> Problems);

/// <summary>The dry run's answer (and the apply's): the sheet, the mapping used, and every row's outcome.</summary>
public sealed class ImportReport
{
    public required string Sheet { get; init; }

    public required IReadOnlyList<string> Sheets { get; init; }

    public required int HeaderRow { get; init; }

    /// <summary>The file's headers, in column order.</summary>
    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>Field → the header it was read from.</summary>
    public required IReadOnlyDictionary<string, string> Mapping { get; init; }

    /// <summary>The screening kind the rows are recorded as: the importing agency's own (a township supervisor's: household).</summary>
    public required string Kind { get; init; }

    public required IReadOnlyList<ImportRowResult> Rows { get; init; }

    public required IReadOnlyList<int> EmptyRows { get; init; }

    public int Count(ImportOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    /// <summary>Nothing refused and no near duplicate left undecided: the file can be applied as it is.</summary>
    public bool IsClean => Rows.All(r => r.Outcome is not (ImportOutcome.Refused or ImportOutcome.NearDuplicate));
}

/// <summary>
/// Applying was refused because rows are refused or undecided near duplicates that the caller did not leave out:
/// nothing was written. <see cref="Report"/> says which.
/// </summary>
public sealed class ImportNotCleanException(ImportReport report)
    : DomainException("Error.Import.NotClean", $"{report.Count(ImportOutcome.Refused)} refused and {report.Count(ImportOutcome.NearDuplicate)} undecided rows.")
{
    public ImportReport Report { get; } = report;
}

/// <summary>The resource texts an import needs in Core: the labels it reads in cells and writes in templates and reports (Chinese).</summary>
public sealed class ImportText(Func<string, string> text)
{
    public string this[string key] => text(key);

    public string Format(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text(key), args);
}

/// <summary>The database refused the import's save (a constraint, the disk): rolled back, nothing was written.</summary>
public sealed class ImportSaveException(Exception inner)
    : DomainException("Error.Import.SaveFailed", "The import could not be saved; nothing was written: " + inner.GetBaseException().Message);
