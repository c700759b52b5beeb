namespace Coordination.Core.Assistance;

/// <summary>Whether a kind of assistance is counted (times, sessions) or paid (yuan, kept as whole fen).</summary>
public static class AssistanceMeasure
{
    public static bool IsMoney(AssistanceKind kind) => kind is AssistanceKind.GoldenAutumnAid or AssistanceKind.InsuranceReduction;

    /// <summary>Yuan with at most two decimals to fen, exactly; null when it has more decimals or is out of range.</summary>
    public static long? ToFen(decimal yuan)
    {
        // Range first: a huge amount (1e27) would overflow the multiplication.
        if (yuan < 0 || yuan > 1_000_000_000m)
        {
            return null;
        }
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            return null;
        }
        return (long)fen;
    }

    public static decimal ToYuan(long fen) => fen / 100m;
}
