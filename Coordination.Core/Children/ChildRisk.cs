namespace Coordination.Core.Children;

/// <summary>Recomputes a tracked child's stored risk from the screenings of the window, saved and pending.</summary>
internal static class ChildRisk
{
    public static async Task<RiskAssessment> RefreshAsync(CoordinationDbContext db, Child child, DateOnly today, CancellationToken ct, IEnumerable<Screening>? extra = null)
    {
        var since = today.AddMonths(-RiskRules.WindowMonths);
        var stored = await db.Screenings.AsNoTracking().Where(s => s.ChildId == child.Id && s.Date > since).ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<Screening>()
            .Where(e => e.State == EntityState.Added && e.Entity.ChildId == child.Id)
            .Select(e => e.Entity);
        var all = stored.Concat(pending).Concat(extra ?? []).DistinctBy(s => s.Id);
        var assessment = RiskRules.Assess(child, all, today);
        child.ApplyRisk(assessment.Level, today);
        return assessment;
    }
}
