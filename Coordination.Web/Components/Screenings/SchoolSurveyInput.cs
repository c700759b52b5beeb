namespace Coordination.Web.Components.Screenings;

/// <summary>What the school-survey section holds while the education bureau fills it in.</summary>
public sealed class SchoolSurveyInput
{
    public string? School { get; set; }

    public string? Grade { get; set; }

    public string? BasicFacts { get; set; }

    public string? Personality { get; set; }

    public string? Hobbies { get; set; }

    public string? Health { get; set; }

    public string? GuardianContact { get; set; }

    public bool ContactCardIssued { get; set; }

    public bool AttendanceConcern { get; set; }

    public string? AttendanceNote { get; set; }
}
