namespace Coordination.Core.Children;

/// <summary>A child's current risk and every reason that put it there, strongest first.</summary>
public sealed record RiskAssessment(RiskLevel Level, IReadOnlyList<RiskReason> Reasons);
