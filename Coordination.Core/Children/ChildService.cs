using Coordination.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Core.Children;

/// <summary>Finds children on the register.</summary>
public sealed class ChildService(IDbContextFactory<CoordinationDbContext> dbFactory)
{
    /// <summary>
    /// Children whose name contains <paramref name="text"/>, or whose resident ID ends with it when it is
    /// 4 to 18 digits (an X may end it). Active children only; at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<ChildMatch>> FindAsync(string text, int limit = 10, CancellationToken ct = default)
    {
        var q = (text ?? "").Trim();
        if (q.Length == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var children = db.Children.AsNoTracking().Where(c => c.Status == ChildStatus.Active);
        var tail = q.ToUpperInvariant();
        var isIdTail = tail.Length is >= 4 and <= 18 && tail.Take(tail.Length - 1).All(char.IsAsciiDigit)
            && (char.IsAsciiDigit(tail[^1]) || tail[^1] == 'X');
        children = isIdTail
            ? children.Where(c => c.ResidentId.EndsWith(tail))
            : children.Where(c => c.Name.Contains(q));
        var found = await children.OrderBy(c => c.Name).Take(limit)
            .Select(c => new { c.Id, c.Name, c.ResidentId, c.Sex, c.BirthDate, c.TownshipKey, c.Risk })
            .ToListAsync(ct);
        return found.Select(c => new ChildMatch(c.Id, c.Name, ResidentId.Mask(c.ResidentId), c.Sex, c.BirthDate, c.TownshipKey, c.Risk)).ToList();
    }

    /// <summary>The child with this id as a search would show it, or null (closed files too: the caller decides).</summary>
    public async Task<ChildMatch?> FindByIdAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Children.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Name, c.ResidentId, c.Sex, c.BirthDate, c.TownshipKey, c.Risk })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new ChildMatch(row.Id, row.Name, ResidentId.Mask(row.ResidentId), row.Sex, row.BirthDate, row.TownshipKey, row.Risk);
    }
}
