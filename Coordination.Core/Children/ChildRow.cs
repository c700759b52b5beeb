namespace Coordination.Core.Children;

/// <summary>One line of the register list. The resident ID is masked: the full one is in the profile.</summary>
public sealed record ChildRow(
    Guid Id,
    string Name,
    string MaskedResidentId,
    Sex Sex,
    DateOnly BirthDate,
    string TownshipKey,
    string? Village,
    RiskLevel Risk,
    ChildStatus Status,
    DateOnly? LastScreenedOn,
    IReadOnlyList<ChildCategory> Categories,
    bool TurningEighteenSoon);
