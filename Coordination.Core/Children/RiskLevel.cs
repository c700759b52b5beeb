namespace Coordination.Core.Children;

/// <summary>风险等级 — ordered: a higher value is a greater risk.</summary>
public enum RiskLevel
{
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Urgent = 4,
}
