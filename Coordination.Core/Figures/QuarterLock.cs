namespace Coordination.Core.Figures;

/// <summary>
/// 锁定 — a quarter's figures signed by civil affairs' lead once all four agencies submitted: the values as they
/// stood at that instant are kept in <see cref="Values"/> with a short <see cref="Fingerprint"/>, and every read of
/// the quarter comes from them. An administrator may unlock it with a reason; the row stays as history (the
/// database refuses to change or delete stored values), and a new lock stores new values.
/// </summary>
public sealed class QuarterLock
{
    private readonly List<LockedFigure> _values = [];

    private QuarterLock()
    {
    }

    public long Id { get; private set; }

    public Quarter Quarter { get; private set; }

    public DateTimeOffset LockedAt { get; private set; }

    public string LockedBy { get; private set; } = "";

    /// <summary>The first 12 hex digits of SHA-256 over every indicator's city value, as printed on the workbook's cover.</summary>
    public string Fingerprint { get; private set; } = "";

    public DateTimeOffset? UnlockedAt { get; private set; }

    public string? UnlockedBy { get; private set; }

    public string? UnlockReason { get; private set; }

    public bool IsInForce => UnlockedAt is null;

    public IReadOnlyList<LockedFigure> Values => _values;

    internal static QuarterLock Of(FigureTable table, Actor actor, DateTimeOffset now)
    {
        var quarterLock = new QuarterLock
        {
            Quarter = table.Quarter,
            LockedAt = now,
            LockedBy = actor.Account ?? actor.Person,
            Fingerprint = Export.QuarterlyWorkbook.Fingerprint(table),
        };
        foreach (var (key, township, value) in table.Rows())
        {
            quarterLock._values.Add(new LockedFigure(key, township ?? "", value));
        }
        return quarterLock;
    }

    internal void Unlock(Actor actor, string reason, DateTimeOffset now)
    {
        UnlockedAt = now;
        UnlockedBy = actor.Account ?? actor.Person;
        UnlockReason = reason;
    }

    /// <summary>The stored values as a table: what every face shows for the locked quarter.</summary>
    public FigureTable ToTable() =>
        FigureTable.FromStored(Quarter, _values.Select(v => (v.IndicatorKey, v.TownshipKey.Length == 0 ? null : v.TownshipKey, v.Value)));
}

/// <summary>One stored value of a locked quarter: an indicator in one area, or (empty township) for the city.</summary>
public sealed class LockedFigure
{
    private LockedFigure()
    {
    }

    internal LockedFigure(string indicatorKey, string townshipKey, decimal value)
    {
        IndicatorKey = indicatorKey;
        TownshipKey = townshipKey;
        Value = value;
    }

    public long LockId { get; private set; }

    public string IndicatorKey { get; private set; } = "";

    /// <summary>The area's key, or empty for a city-wide value that does not add up over areas.</summary>
    public string TownshipKey { get; private set; } = "";

    public decimal Value { get; private set; }
}
