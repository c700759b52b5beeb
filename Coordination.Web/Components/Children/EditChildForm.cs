using Coordination.Core;
using Coordination.Core.Children;

namespace Coordination.Web.Components.Children;

/// <summary>What the edit form holds: the record as it is, corrected field by field.</summary>
public sealed class EditChildForm
{
    public string? Name { get; set; }

    public string? Sex { get; set; }

    public DateTime? BirthDate { get; set; }

    /// <summary>A new resident ID, or empty to keep the stored one (which the form never shows in full).</summary>
    public string? NewResidentId { get; set; }

    public string? Township { get; set; }

    /// <summary>Categories to add; the ones the child is in stay.</summary>
    public IReadOnlyCollection<string> AddedCategories { get; set; } = [];

    public string? Village { get; set; }

    public string? School { get; set; }

    public string? Grade { get; set; }

    public string? GuardianName { get; set; }

    public string? GuardianRelation { get; set; }

    public string? GuardianPhone { get; set; }

    public string? ParentsWorkPlace { get; set; }

    public static EditChildForm From(Child child, string? village) => new()
    {
        Name = child.Name,
        Sex = child.Sex.ToString(),
        BirthDate = child.BirthDate.ToDateTime(TimeOnly.MinValue),
        Township = child.TownshipKey,
        Village = village,
        School = child.School,
        Grade = child.Grade,
        GuardianName = child.GuardianName,
        GuardianRelation = child.GuardianRelation?.Key(),
        GuardianPhone = child.GuardianPhone,
        ParentsWorkPlace = child.ParentsWorkPlace,
    };

    public UpdateChild ToCommand(Child stored) => new(
        new NewChild(
            Name,
            Sex,
            BirthDate is { } b ? DateOnly.FromDateTime(b) : null,
            string.IsNullOrWhiteSpace(NewResidentId) ? stored.ResidentId : NewResidentId,
            Township,
            stored.Categories.Select(c => c.Category.Key()).Concat(AddedCategories).Distinct().ToList()),
        new ChildDetails(Village, School, Grade, GuardianName, GuardianRelation, GuardianPhone, ParentsWorkPlace));
}
