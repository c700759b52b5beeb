using Coordination.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Core.Board;

/// <summary>Reads the board's event log: what a client that was away has missed.</summary>
public sealed class BoardEventLog(IDbContextFactory<CoordinationDbContext> dbFactory)
{
    public const int MaxPage = 1000;

    /// <summary>The events after <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<BoardEventMessage>> AfterAsync(long after, int limit = MaxPage, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxPage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = await db.BoardEvents.AsNoTracking()
            .Where(e => e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(ct);
        return events.Select(e => e.ToMessage()).ToList();
    }

    public async Task<long> LastSequenceAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BoardEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
    }
}
