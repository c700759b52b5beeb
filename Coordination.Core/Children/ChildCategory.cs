namespace Coordination.Core.Children;

/// <summary>儿童类别 — why a child is in the agencies' care; a child may be in several.</summary>
public enum ChildCategory
{
    LeftBehind = 1,
    InDifficulty = 2,
    DeFactoUnsupported = 3,
    Orphan = 4,
    LowIncome = 5,
    Disabled = 6,
    SeriouslyIll = 7,
}
