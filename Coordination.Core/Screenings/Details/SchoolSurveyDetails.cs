namespace Coordination.Core.Screenings.Details;

/// <summary>在校摸底 (education bureau): school, grade, the five clears, home-school contact card, attendance.</summary>
public sealed record SchoolSurveyDetails(
    string? School,
    string? Grade,
    FiveClears? FiveClears,
    bool? ContactCardIssued,
    bool? AttendanceConcern,
    string? AttendanceNote) : ScreeningDetails
{
    public override ScreeningKind Kind => ScreeningKind.SchoolSurvey;

    public override void Check(string prefix, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(School))
        {
            errors.Add(prefix + "school", "Error.School.Required");
        }
        Text(School, ChildRules.TextMaxLength, prefix + "school", errors);
        Text(Grade, ChildRules.TextMaxLength, prefix + "grade", errors);
        Text(AttendanceNote, Children.FiveClears.FieldMaxLength, prefix + "attendanceNote", errors);
        FiveClears?.Check(prefix + "fiveClears.", errors);
        if (ContactCardIssued == true && FiveClears is not { IsComplete: true })
        {
            // The contact card carries the five clears: it cannot be issued before they are all known.
            errors.Add(prefix + "contactCardIssued", "Error.ContactCard.NeedsFiveClears");
        }
        if (AttendanceConcern == true && string.IsNullOrWhiteSpace(AttendanceNote))
        {
            errors.Add(prefix + "attendanceNote", "Error.AttendanceNote.Required");
        }
    }
}
