namespace Coordination.Core.Figures;

/// <summary>计量单位 — the unit an indicator is counted in.</summary>
public enum IndicatorUnit
{
    /// <summary>人 — persons, each counted once.</summary>
    Persons = 1,

    /// <summary>人次 — person-times: every attendance, session or screening counts.</summary>
    PersonTimes = 2,

    /// <summary>个 — items (cases, cabins, townships, cards).</summary>
    Items = 3,

    /// <summary>元 — yuan, two decimals.</summary>
    Yuan = 4,

    /// <summary>% — a share, one decimal.</summary>
    Percent = 5,

    /// <summary>小时 — hours.</summary>
    Hours = 6,
}

public static class IndicatorUnits
{
    public static string Chinese(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Persons => "人",
        IndicatorUnit.PersonTimes => "人次",
        IndicatorUnit.Items => "个",
        IndicatorUnit.Yuan => "元",
        IndicatorUnit.Percent => "%",
        _ => "小时",
    };

    public static string English(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Persons => "persons",
        IndicatorUnit.PersonTimes => "person-times",
        IndicatorUnit.Items => "items",
        IndicatorUnit.Yuan => "yuan",
        IndicatorUnit.Percent => "%",
        _ => "hours",
    };
}
