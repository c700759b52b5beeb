using System.Linq.Expressions;

namespace Coordination.Core.Figures;

/// <summary>Counts of open referrals: waiting to be accepted, accepted and being worked, and overdue.</summary>
public sealed record AgencyReferralCounts(int Waiting, int Accepted, int Overdue)
{
    public static readonly AgencyReferralCounts None = new(0, 0, 0);
}

/// <summary>The measures a period's referrals give the figures.</summary>
public sealed record ReferralMeasures(int Sent, int Accepted, int Completed, int CompletedOnTime, double? MeanHoursToAccept, double? MeanHoursToComplete);

/// <summary>
/// The referral figures, each defined once and computed in SQL: the board's counts, the referrals page's
/// tabs, the API's <c>overdue</c> filter and the figures all use these.
/// </summary>
public static class ReferralFigures
{
    /// <summary>Overdue: still pending after its acceptance due time, or accepted and not completed after its completion due time.</summary>
    public static Expression<Func<Referral, bool>> OverdueAt(DateTimeOffset now) =>
        r => (r.Status == ReferralStatus.Pending && r.AcceptDueAt < now)
            || (r.Status == ReferralStatus.Accepted && r.CompleteDueAt < now);

    /// <summary>Open referrals addressed to each agency (its inbox).</summary>
    public static Task<Dictionary<string, AgencyReferralCounts>> ByReceiverAsync(CoordinationDbContext db, DateTimeOffset now, CancellationToken ct) =>
        CountAsync(db, now, byReceiver: true, ct);

    /// <summary>Open referrals sent by each agency (its outbox).</summary>
    public static Task<Dictionary<string, AgencyReferralCounts>> BySenderAsync(CoordinationDbContext db, DateTimeOffset now, CancellationToken ct) =>
        CountAsync(db, now, byReceiver: false, ct);

    private static async Task<Dictionary<string, AgencyReferralCounts>> CountAsync(CoordinationDbContext db, DateTimeOffset now, bool byReceiver, CancellationToken ct)
    {
        Expression<Func<Referral, string>> agency = byReceiver ? r => r.ToAgencyKey : r => r.FromAgencyKey;
        var open = db.Referrals.Where(r => r.Status == ReferralStatus.Pending || r.Status == ReferralStatus.Accepted);
        var overdue = await open.Where(OverdueAt(now))
            .GroupBy(agency)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var counts = await open
            .GroupBy(agency)
            .Select(g => new
            {
                g.Key,
                Waiting = g.Count(r => r.Status == ReferralStatus.Pending),
                Accepted = g.Count(r => r.Status == ReferralStatus.Accepted),
            })
            .ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => new AgencyReferralCounts(c.Waiting, c.Accepted, overdue.GetValueOrDefault(c.Key)));
    }

    /// <summary>Referrals sent within [from, to) and what became of them: time to accept, time to complete, completed on time.</summary>
    public static async Task<ReferralMeasures> MeasuresAsync(CoordinationDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var sent = db.Referrals.Where(r => r.CreatedAt >= from && r.CreatedAt < to);
        var row = await sent
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Sent = g.Count(),
                Accepted = g.Count(r => r.SecondsToAccept != null),
                Completed = g.Count(r => r.SecondsToComplete != null),
                OnTime = g.Count(r => r.CompletedOnTime == true),
                MeanAccept = g.Average(r => (double?)r.SecondsToAccept),
                MeanComplete = g.Average(r => (double?)r.SecondsToComplete),
            })
            .FirstOrDefaultAsync(ct);
        return row is null
            ? new ReferralMeasures(0, 0, 0, 0, null, null)
            : new ReferralMeasures(row.Sent, row.Accepted, row.Completed, row.OnTime, row.MeanAccept / 3600, row.MeanComplete / 3600);
    }
}
