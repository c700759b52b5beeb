namespace Coordination.Core.Reference;

/// <summary>
/// The agencies and townships, held in memory: they change only when reference data is loaded, and every
/// page needs their names. Singleton; <see cref="LoadAsync"/> after any change to the lists.
/// </summary>
public sealed class ReferenceCatalog(IDbContextFactory<CoordinationDbContext> dbFactory)
{
    private volatile Lists _lists = new([], []);

    public IReadOnlyList<Agency> Agencies => _lists.Agencies;

    public IReadOnlyList<Township> Townships => _lists.Townships;

    public Agency? Agency(string? key) => _lists.Agencies.FirstOrDefault(a => a.Key == key);

    public Township? Township(string? key) => _lists.Townships.FirstOrDefault(t => t.Key == key);

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync(ct);
        var townships = await db.Townships.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        _lists = new Lists(agencies, townships);
    }

    private sealed record Lists(IReadOnlyList<Agency> Agencies, IReadOnlyList<Township> Townships);
}
