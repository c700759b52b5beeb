namespace Coordination.Web.Components.Screenings;

/// <summary>The optional parts of a new child's record: village, school, guardian, where the parents work.</summary>
public sealed class ChildDetailsInput
{
    public string? Village { get; set; }

    public string? School { get; set; }

    public string? Grade { get; set; }

    public string? GuardianName { get; set; }

    public string? GuardianRelation { get; set; }

    public string? GuardianPhone { get; set; }

    public string? ParentsWorkPlace { get; set; }
}
