using Coordination.Core.Data;
using Coordination.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Core.Children;

/// <summary>
/// The register look-ups a screening's checks make (township, village, is this resident ID on the register, may this
/// child have near duplicates), answered by the database each time — or, for a bulk check of thousands of rows
/// (<see cref="PreloadAsync"/>), first from sets read once, so a row that cannot match costs no query. The sets only
/// ever say "maybe" or "certainly not": a "maybe" is still answered by the same query the form makes.
/// </summary>
internal sealed class RegisterLookups(CoordinationDbContext db)
{
    private HashSet<string>? _townships;
    private HashSet<string>? _residentIds;
    private HashSet<(string Name, DateOnly Birth, string Township)>? _nameKeys;
    private readonly Dictionary<(string, string), Village?> _villages = [];

    /// <summary>Reads the township keys, every resident ID and every active child's name, birth date and township once.</summary>
    public async Task PreloadAsync(CancellationToken ct)
    {
        _townships = (await db.Townships.AsNoTracking().Select(t => t.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        _residentIds = (await db.Children.AsNoTracking().Select(c => c.ResidentId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        _nameKeys = (await db.Children.AsNoTracking().Where(c => c.Status == ChildStatus.Active)
                .Select(c => new { c.Name, c.BirthDate, c.TownshipKey }).ToListAsync(ct))
            .Select(c => (c.Name, c.BirthDate, c.TownshipKey)).ToHashSet();
    }

    public async Task<bool> TownshipExistsAsync(string township, CancellationToken ct) =>
        _townships?.Contains(township) ?? await db.Townships.AnyAsync(t => t.Key == township, ct);

    public async Task<Village?> VillageAsync(string township, string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var key = (township, name.Trim());
        if (!_villages.TryGetValue(key, out var village))
        {
            village = await ChildService.VillageAsync(db, township, name, ct);
            _villages[key] = village;
        }
        return village;
    }

    public Task<bool> MayBeRegisteredAsync(string residentId, CancellationToken ct) =>
        Task.FromResult(_residentIds?.Contains(residentId) ?? true);

    public Task<bool> MayHaveNearDuplicatesAsync(string name, DateOnly birthDate, string township, CancellationToken ct) =>
        Task.FromResult(_nameKeys?.Contains((name, birthDate, township)) ?? true);
}
