namespace Coordination.Core.Children;

/// <summary>
/// A new child has the same name, birth date and township as children already on the register (and another
/// resident ID): perhaps the same child typed again. Nothing was written. The caller either records the screening
/// for one of <see cref="Matches"/> (by its id) or says, by listing their ids as <c>DistinctFrom</c>, that the new
/// child is none of them. A confirmation holds for the children it names, not for others found later.
/// </summary>
public sealed class NearDuplicateException(IReadOnlyList<ChildMatch> matches)
    : DomainException("Error.Child.NearDuplicate",
        $"A child with the same name, birth date and township is on the register: {string.Join(", ", matches.Select(m => m.Id))}.")
{
    /// <summary>The children it may be, as the caller may see them (resident IDs masked).</summary>
    public IReadOnlyList<ChildMatch> Matches { get; } = matches;
}
