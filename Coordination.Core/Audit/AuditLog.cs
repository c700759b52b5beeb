using Coordination.Core.Access;
using Coordination.Core.Data;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>A page of the trail, newest first (administrators only).</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, int Total)> ListAsync(Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanAdminister(actor), "read the audit trail");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Who))
        {
            entries = entries.Where(e => e.Who.Contains(query.Who));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        if (!string.IsNullOrWhiteSpace(query.SubjectId))
        {
            entries = entries.Where(e => e.SubjectId == query.SubjectId);
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            entries = entries.Where(e => e.At < end);
        }
        var total = await entries.CountAsync(ct);
        var page = await entries.OrderByDescending(e => e.Id).Skip(Math.Max(0, query.Page) * query.PageSize).Take(Math.Clamp(query.PageSize, 1, 500)).ToListAsync(ct);
        return (page, total);
    }
}
