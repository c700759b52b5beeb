using Coordination.Core.Screenings.Details;

namespace Coordination.Web.Api;

/// <summary>
/// The body of <c>POST /api/v1/screenings</c>. What only one kind records goes in the object named for the
/// kind: <c>household</c>, <c>psychological</c>, <c>healthCheck</c> or <c>schoolSurvey</c>.
/// </summary>
public sealed record ScreeningRequest(
    string? Kind,
    DateOnly? Date,
    ScreeningChildRequest? Child,
    string? Risk,
    IReadOnlyList<string>? Needs,
    string? Findings,
    HouseholdDetails? Household = null,
    PsychologicalDetails? Psychological = null,
    HealthCheckDetails? HealthCheck = null,
    SchoolSurveyDetails? SchoolSurvey = null)
{
    /// <summary>More than one kind's details in one screening is a contradiction the rules cannot resolve.</summary>
    public bool HasSeveralDetails => new object?[] { Household, Psychological, HealthCheck, SchoolSurvey }.Count(d => d is not null) > 1;

    public RecordScreening ToCommand()
    {
        var child = Child;
        var isNew = child is not null
            && (child.Name is not null || child.Sex is not null || child.BirthDate is not null
                || child.ResidentId is not null || child.Township is not null || child.Categories is not null);
        return new RecordScreening(
            Kind,
            Date,
            child?.Id,
            isNew ? new NewChild(child!.Name, child.Sex, child.BirthDate, child.ResidentId, child.Township, child.Categories, child.Details()) : null,
            Risk,
            Needs,
            Findings,
            (ScreeningDetails?)Household ?? (ScreeningDetails?)Psychological ?? (ScreeningDetails?)HealthCheck ?? SchoolSurvey,
            isNew ? child!.DistinctFrom : null);
    }
}

/// <summary>
/// A child on the register (<c>id</c>) or one to register (the other fields). A child to register with the same
/// name, birth date and township as children on the register is refused (409 naming them) unless
/// <c>distinctFrom</c> lists each of their ids: the caller has looked and says this is another child.
/// </summary>
public sealed record ScreeningChildRequest(
    Guid? Id,
    string? Name,
    string? Sex,
    DateOnly? BirthDate,
    string? ResidentId,
    string? Township,
    IReadOnlyList<string>? Categories,
    string? Village = null,
    string? School = null,
    string? Grade = null,
    string? GuardianName = null,
    string? GuardianRelation = null,
    string? GuardianPhone = null,
    string? ParentsWorkPlace = null,
    IReadOnlyList<Guid>? DistinctFrom = null)
{
    public ChildDetails Details() => new(Village, School, Grade, GuardianName, GuardianRelation, GuardianPhone, ParentsWorkPlace);
}

/// <summary>The answer to a recorded screening.</summary>
public sealed record ScreeningCreated(Guid Id, Guid ChildId, long Sequence);
