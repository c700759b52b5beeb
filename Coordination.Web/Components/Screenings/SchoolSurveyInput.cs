namespace Coordination.Web.Components.Screenings;

/// <summary>What the school-survey section holds while the education bureau fills it in.</summary>
[FormSection]
public sealed class SchoolSurveyInput
{
    public string? School { get; set; }

    public string? Grade { get; set; }

    [ApiPath("fiveClears.basicFacts")]
    public string? BasicFacts { get; set; }

    [ApiPath("fiveClears.personality")]
    public string? Personality { get; set; }

    [ApiPath("fiveClears.hobbies")]
    public string? Hobbies { get; set; }

    [ApiPath("fiveClears.health")]
    public string? Health { get; set; }

    [ApiPath("fiveClears.guardianContact")]
    public string? GuardianContact { get; set; }

    public bool ContactCardIssued { get; set; }

    public bool AttendanceConcern { get; set; }

    public string? AttendanceNote { get; set; }
}
