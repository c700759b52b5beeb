using Coordination.Core.Screenings.Details;

namespace Coordination.Core.Screenings;

/// <summary>在校摸底 — the education bureau's school survey, with the home-school contact card.</summary>
public sealed class SchoolSurveyScreening : Screening
{
    private SchoolSurveyScreening()
    {
    }

    internal SchoolSurveyScreening(SchoolSurveyDetails? details)
    {
        if (details is null)
        {
            return;
        }
        School = string.IsNullOrWhiteSpace(details.School) ? null : details.School.Trim();
        Grade = string.IsNullOrWhiteSpace(details.Grade) ? null : details.Grade.Trim();
        FiveClears = (details.FiveClears ?? FiveClears.Empty).Trimmed();
        ContactCardIssued = details.ContactCardIssued ?? false;
        AttendanceConcern = details.AttendanceConcern ?? false;
        AttendanceNote = string.IsNullOrWhiteSpace(details.AttendanceNote) ? null : details.AttendanceNote.Trim();
    }

    public string? School { get; private set; }

    public string? Grade { get; private set; }

    public FiveClears FiveClears { get; private set; } = FiveClears.Empty;

    /// <summary>家校联系卡 issued.</summary>
    public bool ContactCardIssued { get; private set; }

    public bool AttendanceConcern { get; private set; }

    public string? AttendanceNote { get; private set; }

    /// <summary>The school's view of the pupil becomes the child's shared record of school, grade and five clears.</summary>
    protected override void ApplyTo(Child child)
    {
        if (School is not null)
        {
            child.RecordSchooling(School, Grade, FiveClears);
        }
    }
}
