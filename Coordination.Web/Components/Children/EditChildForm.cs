using Coordination.Web.Components.Screenings;

namespace Coordination.Web.Components.Children;

/// <summary>What the edit form holds: the record as it is, corrected field by field.</summary>
public sealed class EditChildForm
{
    public string? Name { get; set; }

    public string? Sex { get; set; }

    public DateTime? BirthDate { get; set; }

    /// <summary>A new resident ID, or empty to keep the stored one (which the form never shows in full).</summary>
    [ApiPath("residentId")]
    public string? NewResidentId { get; set; }

    public string? Township { get; set; }

    /// <summary>Categories to add; the ones the child is in stay.</summary>
    [ApiPath("categories")]
    public IReadOnlyCollection<string> AddedCategories { get; set; } = [];

    /// <summary>Village, school, guardian, where the parents work: the same part the intake form fills.</summary>
    [ApiPath("")]
    public ChildDetailsInput Details { get; private set; } = new();

    public static EditChildForm From(Child child, string? village) => new()
    {
        Name = child.Name,
        Sex = child.Sex.ToString(),
        BirthDate = child.BirthDate.ToDateTime(TimeOnly.MinValue),
        Township = child.TownshipKey,
        Details = ChildDetailsInput.From(child, village),
    };

    public UpdateChild ToCommand(Child stored) => new(
        new NewChild(
            Name,
            Sex,
            BirthDate is { } b ? DateOnly.FromDateTime(b) : null,
            string.IsNullOrWhiteSpace(NewResidentId) ? stored.ResidentId : NewResidentId,
            Township,
            stored.Categories.Select(c => c.Category.Key()).Concat(AddedCategories).Distinct().ToList()),
        Details.ToDetails(),
        stored.Version);
}
