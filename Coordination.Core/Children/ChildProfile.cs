namespace Coordination.Core.Children;

/// <summary>Everything the profile page shows about one child.</summary>
public sealed record ChildProfile(
    Child Child,
    string? Village,
    RiskAssessment Risk,
    IReadOnlyList<Screening> Screenings,
    IReadOnlyList<AssistanceRecord> Assistance,
    IReadOnlyList<TimelineEntry> Timeline);
