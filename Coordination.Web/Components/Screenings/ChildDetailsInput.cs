namespace Coordination.Web.Components.Screenings;

/// <summary>
/// The optional parts of a child's record as a form holds them: village, school, guardian, where the parents
/// work. The intake form and the edit form both use it.
/// </summary>
[FormSection]
public sealed class ChildDetailsInput
{
    public string? Village { get; set; }

    public string? School { get; set; }

    public string? Grade { get; set; }

    public string? GuardianName { get; set; }

    public string? GuardianRelation { get; set; }

    public string? GuardianPhone { get; set; }

    public string? ParentsWorkPlace { get; set; }

    public static ChildDetailsInput From(Child child, string? village) => new()
    {
        Village = village,
        School = child.School,
        Grade = child.Grade,
        GuardianName = child.GuardianName,
        GuardianRelation = child.GuardianRelation?.Key(),
        GuardianPhone = child.GuardianPhone,
        ParentsWorkPlace = child.ParentsWorkPlace,
    };

    /// <summary>The details for Core; a school survey may supply the school and grade instead.</summary>
    public ChildDetails ToDetails(string? school = null, string? grade = null) =>
        new(Village, school ?? School, grade ?? Grade, GuardianName, GuardianRelation, GuardianPhone, ParentsWorkPlace);
}
