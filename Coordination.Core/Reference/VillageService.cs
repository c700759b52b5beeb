namespace Coordination.Core.Reference;

/// <summary>The villages and communities under each township: listed for forms, added by an administrator.</summary>
public sealed class VillageService(IDbContextFactory<CoordinationDbContext> dbFactory, BoardClock clock)
{
    public async Task<IReadOnlyList<Village>> ListAsync(Actor actor, string? townshipKey, CancellationToken ct = default)
    {
        Access.Rights.Require(Access.Rights.CanReadReferenceData(actor), "read villages");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = db.Villages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(townshipKey))
        {
            villages = villages.Where(v => v.TownshipKey == townshipKey);
        }
        return await villages.OrderBy(v => v.TownshipKey).ThenBy(v => v.Name).ToListAsync(ct);
    }

    /// <exception cref="InvalidInputException">Unknown township, empty or too long a name, or a name the township already has.</exception>
    public async Task<Village> AddAsync(Actor actor, string? townshipKey, string? name, CancellationToken ct = default)
    {
        Access.Rights.Require(Access.Rights.CanAdminister(actor), "add villages");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new InputErrors();
        var township = townshipKey?.Trim() ?? "";
        var n = name?.Trim() ?? "";
        if (township.Length == 0)
        {
            errors.Add("township", "Error.Township.Required");
        }
        else if (!await db.Townships.AnyAsync(t => t.Key == township, ct))
        {
            errors.Add("township", "Error.Township.Unknown");
        }
        if (n.Length == 0)
        {
            errors.Add("name", "Error.Village.NameRequired");
        }
        else if (n.Length > Village.NameMaxLength)
        {
            errors.Add("name", "Error.Text.TooLong");
        }
        else if (await db.Villages.AnyAsync(v => v.TownshipKey == township && v.Name == n, ct))
        {
            errors.Add("name", "Error.Village.Exists");
        }
        errors.ThrowIfAny();
        var village = new Village(township, n);
        db.Villages.Add(village);
        await db.SaveAuditedAsync(actor, clock.Now, ct);
        return village;
    }
}
