namespace Coordination.Core.Access;

/// <summary>Makes, checks and revokes the agencies' API keys.</summary>
public sealed class ApiKeyService(IDbContextFactory<CoordinationDbContext> dbFactory, BoardClock clock)
{
    /// <summary>Makes a key for <paramref name="agencyKey"/>; returns the secret, which is never shown again.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(Actor actor, string agencyKey, string name, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanAdminister(actor), "make API keys");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new InputErrors();
        if (!await db.Agencies.AnyAsync(a => a.Key == agencyKey, ct))
        {
            errors.Add("agency", "Error.Agency.Unknown");
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "Error.Name.Required");
        }
        errors.ThrowIfAny();
        var (key, secret) = ApiKey.Create(agencyKey, name, clock.Now);
        db.ApiKeys.Add(key);
        await db.SaveAuditedAsync(actor, clock.Now, ct);
        return (key, secret);
    }

    /// <summary>The live key with this secret, or null (unknown or revoked).</summary>
    public async Task<ApiKey?> FindAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(ApiKey.Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var hash = ApiKey.HashOf(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
    }

    /// <summary>
    /// Which of <paramref name="ids"/> have been revoked (perhaps by another process, the CLI): for the hub, which
    /// closes their connections. Ids in, ids out: no record of anyone.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RevokedAmongAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().Where(k => ids.Contains(k.Id) && k.RevokedAt != null).Select(k => k.Id).ToListAsync(ct);
    }

    /// <summary>Every key (hints, agencies, names; never a secret): for the administrator.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanAdminister(actor), "list API keys");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.AgencyKey).ThenBy(k => k.CreatedAt).ToListAsync(ct);
    }

    /// <summary>Revokes the key whose hint (its first characters) or id is given; returns whether one was found.</summary>
    public async Task<bool> RevokeAsync(Actor actor, string hintOrId, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanAdminister(actor), "revoke API keys");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Guid.TryParse(hintOrId, out var id)
            ? await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct)
            : await db.ApiKeys.FirstOrDefaultAsync(k => k.Hint == hintOrId, ct);
        if (key is null)
        {
            return false;
        }
        key.Revoke(clock.Now);
        await db.SaveAuditedAsync(actor, clock.Now, ct);
        return true;
    }
}
