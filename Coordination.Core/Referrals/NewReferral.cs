namespace Coordination.Core.Referrals;

/// <summary>What a liaison submits to refer a child (a form or the API); keys as the API spells them.</summary>
public sealed record NewReferral(Guid? ChildId, string? To, string? Need, string? Urgency, string? Note);
