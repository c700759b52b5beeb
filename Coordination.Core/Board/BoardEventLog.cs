namespace Coordination.Core.Board;

/// <summary>Reads the board's event log: what a client that was away has missed.</summary>
public sealed class BoardEventLog(IDbContextFactory<CoordinationDbContext> dbFactory)
{
    public const int MaxPage = 1000;

    /// <summary>
    /// The events after <paramref name="after"/>, oldest first, at most <paramref name="limit"/>. They name no
    /// child but point at one: a township supervisor gets its own township's events (and those of no township),
    /// the wall and the administrator none (<see cref="Rights.CanSeeBoardLines"/>).
    /// </summary>
    public async Task<IReadOnlyList<BoardEventMessage>> AfterAsync(Actor actor, long after, int limit = MaxPage, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanSeeBoardLines(actor), "read the event log");
        var confinedTo = Rights.ConfinedTo(actor);
        limit = Math.Clamp(limit, 1, MaxPage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = await db.BoardEvents.AsNoTracking()
            .Where(e => e.Sequence > after)
            .Where(e => confinedTo == null || e.TownshipKey == null || e.TownshipKey == confinedTo)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(ct);
        return events.Select(e => e.ToMessage()).ToList();
    }

    /// <summary>The newest sequence number: a counter, no record (used to wait for and catch up with the log).</summary>
    public async Task<long> LastSequenceAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BoardEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
    }
}
