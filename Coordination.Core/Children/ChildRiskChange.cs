namespace Coordination.Core.Children;

/// <summary>
/// One change of a child's derived risk: from <see cref="Since"/> (a day in China Standard Time) on, the board showed
/// <see cref="Level"/>, until the next change. The risk at the end of a day is the level of the last change made on or
/// before it (<see cref="Id"/> orders changes of the same day); a child without a change by then was at no risk.
/// Appended only, by <see cref="Child.ApplyRisk"/>.
/// </summary>
public sealed class ChildRiskChange
{
    private ChildRiskChange()
    {
    }

    internal ChildRiskChange(Guid childId, DateOnly since, RiskLevel level)
    {
        ChildId = childId;
        Since = since;
        Level = level;
    }

    public long Id { get; private set; }

    public Guid ChildId { get; private set; }

    public DateOnly Since { get; private set; }

    public RiskLevel Level { get; private set; }
}
