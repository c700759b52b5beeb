using Coordination.Core.Children;
using Coordination.Core.Data;
using Coordination.Core.Screenings;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Core.Figures;

/// <summary>
/// The register's figures, each defined once and computed in SQL: the board's tiles, the figures page,
/// the API and the quarterly workbook all call these, so they cannot disagree.
/// </summary>
public static class RegisterFigures
{
    /// <summary>Children on the register (active), by category; a child in two categories counts in both.</summary>
    public static async Task<Dictionary<ChildCategory, int>> ActiveChildrenByCategoryAsync(CoordinationDbContext db, CancellationToken ct)
    {
        var rows = await (
                from e in db.ChildCategories
                join c in db.Children on e.ChildId equals c.Id
                where c.Status == ChildStatus.Active
                group e by e.Category into g
                select new { Category = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var result = EnumKeys.All<ChildCategory>().ToDictionary(c => c, _ => 0);
        foreach (var r in rows)
        {
            result[r.Category] = r.Count;
        }
        return result;
    }

    public static Task<int> ActiveChildrenAsync(CoordinationDbContext db, CancellationToken ct) =>
        db.Children.CountAsync(c => c.Status == ChildStatus.Active, ct);

    /// <summary>Active children whose current risk is high or urgent.</summary>
    public static Task<int> HighRiskChildrenAsync(CoordinationDbContext db, CancellationToken ct) =>
        db.Children.CountAsync(c => c.Status == ChildStatus.Active && c.Risk >= RiskLevel.High, ct);

    /// <summary>Screenings dated within [from, to], by agency.</summary>
    public static async Task<Dictionary<string, int>> ScreeningsByAgencyAsync(CoordinationDbContext db, DateOnly from, DateOnly to, CancellationToken ct) =>
        await db.Screenings.Where(s => s.Date >= from && s.Date <= to)
            .GroupBy(s => s.AgencyKey)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public static Task<int> ScreeningsAsync(CoordinationDbContext db, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.Screenings.CountAsync(s => s.Date >= from && s.Date <= to, ct);

    /// <summary>Active children and high-risk children per township.</summary>
    public static async Task<Dictionary<string, (int Children, int HighRisk)>> ActiveChildrenByTownshipAsync(CoordinationDbContext db, CancellationToken ct) =>
        await db.Children.Where(c => c.Status == ChildStatus.Active)
            .GroupBy(c => c.TownshipKey)
            .Select(g => new { g.Key, Children = g.Count(), HighRisk = g.Count(c => c.Risk >= RiskLevel.High) })
            .ToDictionaryAsync(x => x.Key, x => (x.Children, x.HighRisk), ct);

    public static int CountOf(this IReadOnlyDictionary<ScreeningKind, int> map, ScreeningKind kind) =>
        map.TryGetValue(kind, out var n) ? n : 0;
}
