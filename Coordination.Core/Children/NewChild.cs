namespace Coordination.Core.Children;

/// <summary>What a liaison types to put a child on the register. Keys are strings so one set of rules
/// reports bad keys the same way for the form and the API.</summary>
public sealed record NewChild(
    string? Name,
    string? Sex,
    DateOnly? BirthDate,
    string? ResidentId,
    string? Township,
    IReadOnlyList<string>? Categories,
    ChildDetails? Details = null);
