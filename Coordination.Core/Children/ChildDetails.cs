namespace Coordination.Core.Children;

/// <summary>
/// The parts of a child's record beyond identity: where the child lives and studies, who the guardian is and
/// where the parents work. All optional at intake: a child may be recorded with the township only.
/// </summary>
public sealed record ChildDetails(
    string? Village = null,
    string? School = null,
    string? Grade = null,
    string? GuardianName = null,
    string? GuardianRelation = null,
    string? GuardianPhone = null,
    string? ParentsWorkPlace = null)
{
    public static ChildDetails None { get; } = new();
}
