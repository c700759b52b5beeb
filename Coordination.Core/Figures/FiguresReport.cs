namespace Coordination.Core.Figures;

/// <summary>
/// A quarter's figures as every face shows them: the quarter's values beside the previous quarter and the same
/// quarter a year earlier, the agencies in their order and the 27 areas.
/// </summary>
public sealed record FiguresReport(
    Quarter Quarter,
    FigureTable Current,
    FigureTable Previous,
    FigureTable YearEarlier,
    IReadOnlyList<FiguresAgency> Agencies,
    IReadOnlyList<FiguresArea> Areas,
    DateTimeOffset ComputedAt,
    QuarterSignOff SignOff,
    FigureTable? AfterLock = null)
{
    public bool IsLocked => SignOff.IsLocked;

    /// <summary>锁定后新增 — for a locked quarter, how much a computed indicator's records changed since the lock (0 otherwise).</summary>
    public decimal AddedAfterLock(string key) => AfterLock?.Total(key) ?? 0;

    public IReadOnlyList<Indicator> Indicators => IndicatorCatalogue.All;

    /// <summary>Change against the previous quarter; null when the previous quarter had none.</summary>
    public static decimal? ChangePercent(decimal now, decimal before) =>
        before == 0 ? null : Math.Round(100m * (now - before) / before, 1, MidpointRounding.AwayFromZero);
}

public sealed record FiguresAgency(string Key, string Name, string NameEn);

public sealed record FiguresArea(string Key, string Name, string NameEn);
