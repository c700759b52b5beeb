namespace Coordination.Core.Figures;

/// <summary>
/// 指标 — one quarterly figure: a stable key used in the API, the workbook and files; its names; the agency that
/// answers for it; its unit; a definition a statistician can check against the records; and whether it is
/// computed from the records or reported by the agency. <see cref="Additive"/> indicators add up over the 27
/// areas to the city total (a share or a median does not).
/// </summary>
public sealed record Indicator(
    string Key,
    string Name,
    string NameEn,
    string AgencyKey,
    IndicatorUnit Unit,
    string Definition,
    string DefinitionEn,
    IndicatorSource Source,
    bool Additive = true)
{
    public bool IsComputed => Source == IndicatorSource.Computed;

    public string DisplayName(bool english) => english ? NameEn : Name;
}

/// <summary>Where an indicator's value comes from.</summary>
public enum IndicatorSource
{
    /// <summary>计算 — counted from the board's records by the figures service.</summary>
    Computed = 1,

    /// <summary>填报 — entered each quarter by the agency's lead (not derivable from records).</summary>
    Reported = 2,
}
