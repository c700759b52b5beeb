using Coordination.Core.Access;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Data;
using Coordination.Core.Screenings;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Core.Import;

/// <summary>
/// 导入 — bringing in the registers the agencies already keep. <see cref="DryRunAsync"/> reads a file and says, row by
/// row, what importing it would do; <see cref="ApplyAsync"/> does it, all or nothing. Both put every row through the
/// form's own path (<see cref="ScreeningService.StageAsync"/>: the same rules, the same resident-ID and near-duplicate
/// checks, the same rights and, on saving, the same audit), as the importing agency's own screening kind.
/// <para>
/// Board events: one <c>import.applied</c> per township the file touched (with the count), not a
/// <c>child.registered</c> and a <c>screening.recorded</c> per row. A 20,000-row file would otherwise send 40,000
/// events to every open board and the wall, each of which recomputes its snapshot and scrolls its feed: the boards
/// would spend minutes catching up and the feed would show nothing but the import. One event per township still moves
/// every board at once (a board recomputes on any event) and the township tiles say where the children came in.
/// </para>
/// </summary>
public sealed class ImportService(
    IDbContextFactory<CoordinationDbContext> dbFactory,
    ScreeningService screenings,
    IBoardNotifier notifier,
    BoardClock clock,
    ImportText text)
{
    /// <summary>Reads and checks every row; writes nothing.</summary>
    /// <exception cref="ImportFileException">The file itself cannot be imported.</exception>
    /// <exception cref="InvalidInputException">The column mapping is wrong (a required column missing, a correction naming no header).</exception>
    public async Task<ImportReport> DryRunAsync(Actor actor, ImportFile file, string? agency = null, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        RequireImport(actor, agency);
        var table = Read(file, progress, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lookups = new RegisterLookups(db);
        await lookups.PreloadAsync(ct);
        // The rows are staged on a context that is never saved: the dry run is the apply without its save.
        return await CheckAsync(db, actor, table, file.Mapping, ImportChoices.None, lookups, progress, () =>
        {
            db.ChangeTracker.Clear();
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>
    /// Imports the rows in one transaction: every row not left out must be new, existing or unchanged (or a near
    /// duplicate the caller says is another child), else nothing is written. Importing the same file again records
    /// nothing: each row is then <see cref="ImportOutcome.Unchanged"/>.
    /// </summary>
    /// <exception cref="ImportNotCleanException">Rows refused or undecided: nothing was written.</exception>
    public async Task<ImportReport> ApplyAsync(Actor actor, ImportFile file, ImportChoices choices, string? agency = null, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        RequireImport(actor, agency);
        var table = Read(file, progress, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.Now;
        ImportReport? report = null;
        List<BoardEvent> events = [];
        // The whole import is one write turn and one transaction: the checks see the register as the save leaves it
        // (no other writer of this process comes between), and a failure anywhere rolls back every row.
        try
        {
            await ApplyInTurnAsync();
        }
        catch (DbUpdateException ex)
        {
            // The database refused a row (a constraint, a full disk): the transaction is rolled back, nothing was written.
            throw new ImportSaveException(ex);
        }
        if (events.Count > 0)
        {
            notifier.Publish(events.Select(e => e.ToMessage()).ToArray());
        }
        progress?.Report(new ImportProgress(ImportStage.Done, report!.Rows.Count, report.Rows.Count));
        return report!;

        Task ApplyInTurnAsync() => db.InWriteTurnAsync(async () =>
        {
            var lookups = new RegisterLookups(db);
            await lookups.PreloadAsync(ct);
            // Saved a chunk at a time inside the one transaction, the tracker emptied after each: EF's cost of a save grows
            // with what it tracks, and 20,000 children with their screenings, categories and audit rows at once cost
            // seconds and hundreds of MB. A later row's checks then read the earlier rows from the database, as a form would.
            report = await CheckAsync(db, actor, table, file.Mapping, choices, lookups, progress, async () =>
            {
                await db.SaveAuditedAsync(actor, now, ct);
                db.ChangeTracker.Clear();
            }, ct);
            if (!report.IsClean)
            {
                throw new ImportNotCleanException(report);
            }
            var written = report.Rows.Where(r => r.Outcome is ImportOutcome.New or ImportOutcome.Existing).ToList();
            progress?.Report(new ImportProgress(ImportStage.Saving, 0, written.Count));
            events = written.GroupBy(r => r.Township ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => BoardEvent.ImportApplied(actor.AgencyKey, g.Key, report.Kind, g.Count(), now))
                .ToList();
            if (events.Count > 0)
            {
                await db.SaveWithEventsAsync(events, actor, now, ct);
            }
            progress?.Report(new ImportProgress(ImportStage.Saving, written.Count, written.Count));
        }, ct);
    }

    /// <summary>The agency's template: Chinese headers, an example row, drop-downs, the resident-ID column as text, a sheet explaining each column.</summary>
    public async Task WriteTemplateAsync(Actor actor, string? agency, Stream output, CancellationToken ct = default)
    {
        RequireImport(actor, agency);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var own = await ScreeningService.AgencyOfAsync(db, actor, ct);
        var townships = await db.Townships.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        var villages = await db.Villages.AsNoTracking().ToListAsync(ct);
        using var buffer = new MemoryStream();
        ImportWorkbooks.WriteTemplate(buffer, own, townships, villages, clock.Today, text);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>A dry run's report as a workbook: one line per row (empty rows too), the outcome, the column and the reason in Chinese.</summary>
    public async Task WriteReportAsync(Actor actor, ImportReport report, Stream output, CancellationToken ct = default)
    {
        RequireImport(actor, null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.Townships.AsNoTracking().ToDictionaryAsync(t => t.Key, t => t.Name, StringComparer.Ordinal, ct);
        using var buffer = new MemoryStream();
        ImportWorkbooks.WriteReport(buffer, report, names, text);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>Rows checked (and, applying, saved) between two flushes of the change tracker.</summary>
    private const int ChunkRows = 500;

    /// <summary>The import is a screening of each row: who may not screen may not import; an agency imports as itself.</summary>
    private static void RequireImport(Actor actor, string? agency)
    {
        Rights.Require(Rights.CanScreen(actor), "import registers");
        Rights.Require(string.IsNullOrWhiteSpace(agency) || agency.Trim() == actor.AgencyKey, "import another agency's register", "Error.Import.OtherAgency");
    }

    private static SheetTable Read(ImportFile file, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new ImportProgress(ImportStage.Reading, 0, 0));
        var table = SpreadsheetReader.Read(file.Content, file.FileName, file.Sheet, ct);
        progress?.Report(new ImportProgress(ImportStage.Reading, table.Rows.Count, table.Rows.Count));
        return table;
    }

    /// <summary>The screening kind an actor's import records: its agency's own; a township supervisor's, household.</summary>
    public static string KindOf(Actor actor, Reference.Agency agency) =>
        actor.Role == Role.Township ? ScreeningKind.Household.Key() : agency.ScreeningKind ?? "";

    private async Task<ImportReport> CheckAsync(CoordinationDbContext db, Actor actor, SheetTable table, IReadOnlyDictionary<string, string>? mapping,
        ImportChoices choices, RegisterLookups lookups, IProgress<ImportProgress>? progress, Func<Task> flush, CancellationToken ct)
    {
        var map = ImportColumns.Map(table.Headers, mapping);
        var agency = await ScreeningService.AgencyOfAsync(db, actor, ct);
        var kind = KindOf(actor, agency);
        EnumKeys.TryParse<ScreeningKind>(kind, out var kindValue);
        // A township supervisor records household screenings, as civil affairs' routine screening does.
        var asAgency = actor.Role == Role.Township && agency.ScreeningKind != kind ? ReferenceAgencyWithKind(agency, kind) : agency;
        var townships = await db.Townships.AsNoTracking().ToListAsync(ct);
        var reader = new ImportRowReader(map, table.Headers, kind, clock.Today, townships, text);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<ImportRowResult>(table.Rows.Count);
        var done = 0;
        foreach (var row in table.Rows)
        {
            ct.ThrowIfCancellationRequested();
            results.Add(await CheckRowAsync(db, actor, asAgency, kindValue, reader, row, choices, seen, lookups, ct));
            if (++done % ChunkRows == 0)
            {
                await flush();
                progress?.Report(new ImportProgress(ImportStage.Checking, done, table.Rows.Count));
            }
        }
        await flush();
        progress?.Report(new ImportProgress(ImportStage.Checking, done, table.Rows.Count));
        return new ImportReport
        {
            Sheet = table.Sheet,
            Sheets = table.Sheets,
            HeaderRow = table.HeaderRow,
            Headers = table.Headers,
            Mapping = map.ToDictionary(kv => kv.Key, kv => table.Headers[kv.Value], StringComparer.Ordinal),
            Kind = kind,
            Rows = results,
            EmptyRows = table.EmptyRows,
        };
    }

    private static Reference.Agency ReferenceAgencyWithKind(Reference.Agency agency, string kind) =>
        new(agency.Key, agency.Name, agency.NameEn, kind, agency.SortOrder);

    private async Task<ImportRowResult> CheckRowAsync(CoordinationDbContext db, Actor actor, Reference.Agency agency, ScreeningKind kind, ImportRowReader reader,
        SheetRow row, ImportChoices choices, Dictionary<string, int> seen, RegisterLookups lookups, CancellationToken ct)
    {
        var (input, problems, residentId) = reader.Read(row);
        var child = input.NewChild!;
        var masked = residentId is null ? null : ResidentId.Mask(residentId);
        ImportRowResult Result(ImportOutcome outcome, Guid? childId = null, IReadOnlyList<ChildMatch>? matches = null, IReadOnlyList<ImportProblem>? found = null) =>
            new(row.Number, outcome, child.Name?.Trim(), masked, child.BirthDate, child.Township, childId, matches ?? [], found ?? problems);

        if (choices.LeaveOut?.Contains(row.Number) == true)
        {
            return Result(ImportOutcome.LeftOut);
        }
        if (residentId is not null && ResidentId.IsValid(residentId))
        {
            if (seen.ContainsKey(residentId))
            {
                problems.Add(new ImportProblem(ImportColumns.ResidentId, reader.Header(ImportColumns.ResidentId), "Error.Import.DuplicateInFile"));
                return Result(ImportOutcome.Refused);
            }
            seen[residentId] = row.Number;
        }
        if (problems.Count > 0)
        {
            return Result(ImportOutcome.Refused);
        }
        if (residentId is not null && await lookups.MayBeRegisteredAsync(residentId, ct)
            && await AlreadyRecordedAsync(db, agency.Key, kind, input, residentId, ct) is { } unchanged)
        {
            // Only for one who may record it: a township supervisor learns nothing of another township's child here.
            return Rights.CanRecordScreening(actor, kind, agency.ScreeningKind, unchanged.Township)
                ? Result(ImportOutcome.Unchanged, unchanged.Id)
                : Result(ImportOutcome.Refused, found: [new ImportProblem(ImportColumns.Township, reader.Header(ImportColumns.Township), "Error.Import.OtherTownship")]);
        }
        try
        {
            var distinct = choices.Distinct?.Contains(row.Number) == true;
            var staged = await StageAsync(db, actor, agency, input, lookups, distinct, ct);
            return Result(staged.Registered ? ImportOutcome.New : ImportOutcome.Existing, staged.Child.Id);
        }
        catch (InvalidInputException ex)
        {
            return Result(ImportOutcome.Refused, found: ex.Errors.ByField
                .SelectMany(kv => kv.Value.Select(code => Problem(reader, kv.Key, code)))
                .ToList());
        }
        catch (NearDuplicateException ex)
        {
            return Result(ImportOutcome.NearDuplicate, matches: ex.Matches,
                found: [new ImportProblem(ImportColumns.Name, reader.Header(ImportColumns.Name), ex.Code)]);
        }
        catch (ResidentIdRegisteredException ex)
        {
            return Result(ImportOutcome.Refused, found: [new ImportProblem(ImportColumns.ResidentId, reader.Header(ImportColumns.ResidentId), ex.Code)]);
        }
        catch (ForbiddenException)
        {
            // The one refusal a row meets here that the file's reader could not: a township supervisor's row of a child
            // of another township.
            return Result(ImportOutcome.Refused, found: [new ImportProblem(ImportColumns.Township, reader.Header(ImportColumns.Township), "Error.Import.OtherTownship")]);
        }
    }

    private async Task<StagedScreening> StageAsync(CoordinationDbContext db, Actor actor, Reference.Agency agency, RecordScreening input, RegisterLookups lookups, bool distinct, CancellationToken ct)
    {
        if (!distinct)
        {
            return await screenings.StageAsync(db, actor, agency, input, lookups, ct);
        }
        try
        {
            return await screenings.StageAsync(db, actor, agency, input, lookups, ct);
        }
        catch (NearDuplicateException ex)
        {
            // The caller has looked at this row's near duplicates and says the child is none of them, as the form's
            // "this is another child" does.
            return await screenings.StageAsync(db, actor, agency, input with { DistinctFrom = ex.Matches.Select(m => m.Id).ToList() }, lookups, ct);
        }
    }

    /// <summary>This agency's screening of this kind, on this date, of the child with this resident ID (same name and birth date) is on the register.</summary>
    private static async Task<(Guid Id, string Township)?> AlreadyRecordedAsync(CoordinationDbContext db, string agency, ScreeningKind kind, RecordScreening input, string residentId, CancellationToken ct)
    {
        var name = input.NewChild!.Name?.Trim();
        var birth = input.NewChild.BirthDate;
        var date = input.Date;
        var found = await db.Children.AsNoTracking()
            .Where(c => c.ResidentId == residentId && c.Name == name && c.BirthDate == birth
                && db.Screenings.Any(s => s.ChildId == c.Id && s.AgencyKey == agency && s.Kind == kind && s.Date == date))
            .Select(c => new { c.Id, c.TownshipKey })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.TownshipKey);
    }

    /// <summary>A form rule's problem as the row's: <c>child.residentId</c> → the resident-ID column of the file.</summary>
    private static ImportProblem Problem(ImportRowReader reader, string path, string code)
    {
        var field = path.StartsWith("child.", StringComparison.Ordinal) ? path["child.".Length..]
            : path.StartsWith(ScreeningRules.DetailsField(ScreeningKind.SchoolSurvey) + ".", StringComparison.Ordinal) ? path[(path.IndexOf('.') + 1)..]
            : path;
        return new ImportProblem(field, reader.Header(field), code);
    }
}
