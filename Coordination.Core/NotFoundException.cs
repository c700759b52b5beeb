namespace Coordination.Core;

/// <summary>
/// No <see cref="What"/> has this <see cref="Id"/> (or none the caller may reach): nothing changed. The faces map it by
/// type (the API to a 404 problem detail); <see cref="DomainException.Code"/> stays the resource key they translate
/// (<c>Error.Child.NotFound</c>).
/// </summary>
public class NotFoundException(string what, Guid id)
    : DomainException(CodeFor(what), $"No {what.ToLowerInvariant()} {id}.")
{
    /// <summary>The code of a missing child, also used for a field naming one (<c>childId</c>).</summary>
    public const string ChildCode = "Error.Child.NotFound";

    /// <summary>What kind of record was looked for: <c>Child</c>, <c>Referral</c>.</summary>
    public string What { get; } = what;

    public Guid Id { get; } = id;

    public static NotFoundException Child(Guid id) => new("Child", id);

    private static string CodeFor(string what) => $"Error.{what}.NotFound";
}
