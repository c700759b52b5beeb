namespace Coordination.Core.Demo;

/// <summary>
/// Whether a database is a demo database: recorded in the database itself when the demo set is first made on an
/// empty one, so that no setting, environment or command can pour demo accounts (with their published password)
/// or synthetic children into a register that holds real people.
/// </summary>
public static class DemoDatabase
{
    public const string MarkerKey = "demo-database";

    /// <summary>Demo accounts are named <c>…@….demo</c> or <c>…@demo</c>; no real address ends so.</summary>
    public static bool IsDemoEmail(string? email) =>
        email is not null && (email.EndsWith(".demo", StringComparison.OrdinalIgnoreCase) || email.EndsWith("@demo", StringComparison.OrdinalIgnoreCase));

    public static Task<bool> IsMarkedAsync(CoordinationDbContext db, CancellationToken ct = default) =>
        db.InstallationSettings.AnyAsync(s => s.Key == MarkerKey, ct);

    /// <summary>Marks the database as a demo database if it holds no account and no child yet; says whether it is one now.</summary>
    public static async Task<bool> MarkIfEmptyAsync(CoordinationDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await IsMarkedAsync(db, ct))
        {
            return true;
        }
        if (await db.Users.AnyAsync(ct) || await db.Children.AnyAsync(ct))
        {
            return false;
        }
        db.InstallationSettings.Add(new InstallationSetting(MarkerKey, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Whether any account or child is not part of the demo set: then nothing demo is ever added.</summary>
    public static async Task<bool> HoldsRealDataAsync(CoordinationDbContext db, CancellationToken ct = default)
    {
        var emails = await db.Users.AsNoTracking().Select(u => u.Email).ToListAsync(ct);
        return emails.Any(e => !IsDemoEmail(e))
            || await db.Children.AnyAsync(c => !c.ResidentId.StartsWith(DemoData.SyntheticRegion), ct);
    }

    /// <summary>The demo accounts in the database (a real installation must have none).</summary>
    public static async Task<IReadOnlyList<string>> DemoAccountsAsync(CoordinationDbContext db, CancellationToken ct = default)
    {
        var emails = await db.Users.AsNoTracking().Select(u => u.Email ?? u.UserName ?? u.Id).ToListAsync(ct);
        return emails.Where(IsDemoEmail).Order(StringComparer.Ordinal).ToList();
    }
}
