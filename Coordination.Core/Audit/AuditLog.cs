namespace Coordination.Core.Audit;

/// <summary>Writes the audit entries that are not writes of records (views, reveals, sign-ins) and reads the trail.</summary>
public sealed class AuditLog(IDbContextFactory<CoordinationDbContext> dbFactory, BoardClock clock)
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    public Task RecordAsync(Actor? actor, string action, string? subject = null, string? subjectId = null, CancellationToken ct = default) =>
        RecordAsync(AuditEntry.Of(actor, action, clock.Now, subject, subjectId), ct);

    /// <summary>The most rows one export holds (the filters narrow a larger trail).</summary>
    public const int ExportMax = 100_000;

    /// <summary>A page of the trail, newest first (administrators only).</summary>
    public async Task<AuditRowsPage> ListAsync(Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanAdminister(actor), "read the audit trail");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = Filtered(db, query);
        var total = await entries.CountAsync(ct);
        var page = await entries.OrderByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Page) * Math.Clamp(query.PageSize, 1, 500)).Take(Math.Clamp(query.PageSize, 1, 500)).ToListAsync(ct);
        return new AuditRowsPage(await RowsAsync(db, page, ct), total);
    }

    /// <summary>
    /// Every act the filters match (at most <see cref="ExportMax"/>), newest first, for an inspector's export
    /// (administrators only). The export is itself an act of the trail: recorded with the filters it used.
    /// </summary>
    public async Task<IReadOnlyList<AuditRow>> ExportAsync(Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanAdminister(actor), "export the audit trail");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await Filtered(db, query).OrderByDescending(e => e.Id).Take(ExportMax).ToListAsync(ct);
        var rows = await RowsAsync(db, entries, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, AuditActions.Exported, clock.Now, AuditSubjectTrail, query.Describe() is { Length: > 0 } filters ? AuditEntry.Bounded(filters) : null));
        await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>The subject of an export of the trail itself.</summary>
    public const string AuditSubjectTrail = "AuditTrail";

    private static IQueryable<AuditEntry> Filtered(CoordinationDbContext db, AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Who))
        {
            var who = query.Who.Trim();
            entries = entries.Where(e => e.Who.Contains(who));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        if (!string.IsNullOrWhiteSpace(query.SubjectId))
        {
            var id = query.SubjectId.Trim();
            entries = entries.Where(e => e.SubjectId == id);
        }
        if (query.From is { } from)
        {
            // Times are stored as UTC, and the stored form compares clock readings, not instants: compare in UTC.
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }

    /// <summary>The entries as rows: each column one thing, each object named (one query per kind of record, not per row).</summary>
    private static async Task<IReadOnlyList<AuditRow>> RowsAsync(CoordinationDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        List<Guid> IdsOf(params string[] subjects) => entries
            .Where(e => e.Subject is { } s && subjects.Contains(s) && e.SubjectId is not null)
            .Select(e => Guid.TryParse(e.SubjectId!.Split('/')[0], out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty).Distinct().ToList();

        var screeningIds = IdsOf(nameof(Screenings.Screening));
        var screenings = await db.Screenings.AsNoTracking().Where(s => screeningIds.Contains(s.Id)).Select(s => new { s.Id, s.ChildId }).ToDictionaryAsync(s => s.Id, s => s.ChildId, ct);
        var assistanceIds = IdsOf(nameof(Assistance.AssistanceRecord));
        var assistance = await db.AssistanceRecords.AsNoTracking().Where(a => assistanceIds.Contains(a.Id)).Select(a => new { a.Id, a.ChildId }).ToDictionaryAsync(a => a.Id, a => a.ChildId, ct);
        var referralIds = IdsOf(nameof(Referrals.Referral));
        var referrals = await db.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id))
            .Select(r => new { r.Id, r.ChildId, r.FromAgencyKey, r.ToAgencyKey, r.Need }).ToDictionaryAsync(r => r.Id, ct);
        var keyIds = IdsOf(nameof(ApiKey));
        var keys = await db.ApiKeys.AsNoTracking().Where(k => keyIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Name, ct);
        var childIds = IdsOf(nameof(Children.Child), nameof(Children.ChildCategoryEnrolment))
            .Concat(screenings.Values).Concat(assistance.Values).Concat(referrals.Values.Select(r => r.ChildId)).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.TownshipKey }).ToDictionaryAsync(c => c.Id, ct);
        var villageIds = entries.Where(e => e.Subject == nameof(Reference.Village) && int.TryParse(e.SubjectId, out _)).Select(e => int.Parse(e.SubjectId!, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var villages = await db.Villages.AsNoTracking().Where(v => villageIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var accountIds = entries.Where(e => e.Subject == nameof(Account) && e.SubjectId is not null).Select(e => e.SubjectId!).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, ct);

        AuditObject? Child(Guid id) => children.TryGetValue(id, out var c) ? new AuditObject(Children.PersonName.Mask(c.Name), c.TownshipKey) : null;

        AuditObject? ObjectOf(AuditEntry e)
        {
            if (e.Subject is null || e.SubjectId is null)
            {
                return null;
            }
            var guid = Guid.TryParse(e.SubjectId.Split('/')[0], out var g) ? g : Guid.Empty;
            return e.Subject switch
            {
                nameof(Children.Child) or nameof(Children.ChildCategoryEnrolment) => Child(guid),
                nameof(Screenings.Screening) => screenings.TryGetValue(guid, out var child) ? Child(child) : null,
                nameof(Assistance.AssistanceRecord) => assistance.TryGetValue(guid, out var child) ? Child(child) : null,
                nameof(Referrals.Referral) => referrals.TryGetValue(guid, out var r)
                    ? (Child(r.ChildId) ?? new AuditObject()) with { FromAgencyKey = r.FromAgencyKey, ToAgencyKey = r.ToAgencyKey, Need = r.Need.Key() }
                    : null,
                nameof(ApiKey) => keys.TryGetValue(guid, out var name) ? new AuditObject(Name: name) : null,
                nameof(Reference.Village) => int.TryParse(e.SubjectId, out var v) && villages.TryGetValue(v, out var village) ? new AuditObject(Name: village) : null,
                nameof(Account) => accounts.TryGetValue(e.SubjectId, out var email) ? new AuditObject(Name: email) : null,
                _ => null,
            };
        }

        return entries.Select(e =>
        {
            var signIn = e.Action is AuditActions.SignInSucceeded or AuditActions.SignInFailed;
            // Rows written before sign-ins recorded the account's role in its column put it in the fields column.
            var role = e.Role ?? (e.Action == AuditActions.SignInSucceeded ? e.Fields : null);
            return new AuditRow(e.Id, e.At, e.Who, e.AgencyKey, role, e.Action, e.Subject, e.SubjectId, ObjectOf(e),
                signIn ? null : e.Fields, e.Action == AuditActions.SignInFailed ? e.Fields : null, e.From);
        }).ToList();
    }
}
