namespace Coordination.Core.Children;

/// <summary>
/// One reason for a child's risk level: a resource key (<c>Risk.Reason.*</c>) and what it refers to, so the
/// profile can say in words why the child is where it is.
/// </summary>
public sealed record RiskReason(string Code, RiskLevel Level, ScreeningKind? Kind = null, DateOnly? Date = null, string? AgencyKey = null);
