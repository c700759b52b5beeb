namespace Coordination.Core.Children;

/// <summary>A child found by a search at intake, shown masked until the profile is opened.</summary>
public sealed record ChildMatch(Guid Id, string Name, string MaskedResidentId, Sex Sex, DateOnly BirthDate, string TownshipKey, RiskLevel Risk);
