namespace Coordination.Core.Children;

/// <summary>
/// A correction of a child's record: identity (checked like a new child) and details, made on the record as it
/// was at <paramref name="Version"/> (null: whatever it is now, for tools that hold no copy).
/// </summary>
public sealed record UpdateChild(NewChild Identity, ChildDetails Details, int? Version = null);

/// <summary>
/// The record changed since the caller read it (a stale <c>version</c>, or a race lost at the database). Nothing
/// was written; the exception says who changed it and when, so the person can be told and reload.
/// </summary>
public sealed class ChildConflictException(Guid childId, int version, string? byAgencyKey, string? byPerson, DateTimeOffset? at)
    : DomainException("Error.Child.Conflict", $"Child {childId} changed meanwhile: now version {version}, last changed by {byAgencyKey} {byPerson} at {at}.")
{
    public Guid ChildId { get; } = childId;

    public int Version { get; } = version;

    public string? ByAgencyKey { get; } = byAgencyKey;

    public string? ByPerson { get; } = byPerson;

    public DateTimeOffset? At { get; } = at;
}
