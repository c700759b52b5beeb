namespace Coordination.Core.Assistance;

/// <summary>帮扶类型 — what was done for a child.</summary>
public enum AssistanceKind
{
    /// <summary>微心愿 fulfilled.</summary>
    MicroWish = 1,

    /// <summary>希望小屋 renovated.</summary>
    HopeCabin = 2,

    /// <summary>周六助学课堂 attendances.</summary>
    SaturdayClass = 3,

    /// <summary>金秋助学 education aid, in yuan.</summary>
    GoldenAutumnAid = 4,

    /// <summary>绿色通道 case.</summary>
    GreenChannel = 5,

    /// <summary>医保减免 insurance reduction, in yuan.</summary>
    InsuranceReduction = 6,

    /// <summary>心理辅导 counselling sessions.</summary>
    Counselling = 7,

    /// <summary>结对帮扶 pairing.</summary>
    Pairing = 8,

    /// <summary>入户走访 home visits.</summary>
    HomeVisit = 9,

    /// <summary>夏令营 summer camp.</summary>
    SummerCamp = 10,
}
