using Coordination.Core.Assistance;

namespace Coordination.Web.Api;

/// <summary>One line of <c>GET /api/v1/children</c>.</summary>
public sealed record ChildRowDto(
    Guid Id, string Name, string ResidentId, string Sex, DateOnly BirthDate, string Township, string? Village,
    string Risk, string Status, DateOnly? LastScreenedOn, IReadOnlyList<string> Categories, bool TurningEighteenSoon)
{
    public static ChildRowDto From(ChildRow r) => new(
        r.Id, r.Name, r.MaskedResidentId, r.Sex.ToString(), r.BirthDate, r.TownshipKey, r.Village, r.Risk.Key(), r.Status.Key(),
        r.LastScreenedOn, r.Categories.Select(c => c.Key()).ToList(), r.TurningEighteenSoon);
}

public sealed record ChildPageDto(IReadOnlyList<ChildRowDto> Items, int Total, int Page, int PageSize);

public sealed record CategoryDto(string Category, DateOnly EnrolledOn, string Agency);

public sealed record RiskReasonDto(string Code, string Level, string? Kind, DateOnly? Date, string? Agency);

public sealed record ScreeningDto(
    Guid Id, string Kind, DateOnly Date, string Agency, string Risk, IReadOnlyList<string> Needs, string Findings, object? Details)
{
    public static ScreeningDto From(Screening s) => new(
        s.Id, s.Kind.Key(), s.Date, s.AgencyKey, s.Risk.Key(), NeedSet.Keys(s.Needs), s.Findings,
        s switch
        {
            HouseholdScreening h => new { guardianship = h.Guardianship?.Key(), livingConditions = h.LivingConditions?.Key(), confirmedCategories = h.Confirmed.Select(c => c.Key()).ToList(), h.EligibleForLivingGuarantee },
            PsychologicalScreening p => new { p.Score, band = p.Band?.Key(), flags = Enum.GetValues<PsychologicalFlag>().Where(f => f != PsychologicalFlag.None && p.Flags.HasFlag(f)).Select(f => f.Key()).ToList(), p.GroupCounselling },
            HealthCheckScreening c => new { c.HeightCm, c.WeightKg, c.ChronicIllness, c.Disability, c.GreenChannelEligible },
            SchoolSurveyScreening e => new { e.School, e.Grade, e.FiveClears, e.ContactCardIssued, e.AttendanceConcern, e.AttendanceNote },
            _ => null,
        });
}

public sealed record AssistanceDto(Guid Id, string Kind, string? Programme, DateOnly Date, string Agency, int Count, decimal Amount, string Note)
{
    public static AssistanceDto From(AssistanceRecord a) =>
        new(a.Id, a.Kind.Key(), a.ProgrammeKey, a.Date, a.AgencyKey, a.Count, AssistanceMeasure.ToYuan(a.AmountFen), a.Note);
}

/// <summary>
/// <c>GET /api/v1/children/{id}</c>: the whole record, its risk with reasons, and what every agency did. The
/// resident ID is masked here; <c>POST /api/v1/children/{id}/resident-id</c> reveals it, audited.
/// </summary>
public sealed record ChildDetailDto(
    Guid Id, string Name, string ResidentId, string Sex, DateOnly BirthDate, string Township, string? Village,
    string? School, string? Grade, string? GuardianName, string? GuardianRelation, string? GuardianPhone, string? ParentsWorkPlace,
    FiveClears FiveClears, string Status, string? ClosureReason, DateOnly? ClosedOn, Guid? MergedInto,
    IReadOnlyList<CategoryDto> Categories, string Risk, IReadOnlyList<RiskReasonDto> RiskReasons, bool TurningEighteenSoon,
    IReadOnlyList<ScreeningDto> Screenings, IReadOnlyList<AssistanceDto> Assistance, int Version)
{
    public static ChildDetailDto From(ChildProfile p, DateOnly today)
    {
        var c = p.Child;
        return new(
            c.Id, c.Name, c.MaskedResidentId, c.Sex.ToString(), c.BirthDate, c.TownshipKey, p.Village, c.School, c.Grade,
            c.GuardianName, c.GuardianRelation?.Key(), c.GuardianPhone, c.ParentsWorkPlace, c.FiveClears, c.Status.Key(),
            c.ClosureReason?.Key(), c.ClosedOn, c.MergedIntoId,
            c.Categories.OrderBy(e => e.Category).Select(e => new CategoryDto(e.Category.Key(), e.EnrolledOn, e.AgencyKey)).ToList(),
            p.Risk.Level.Key(), p.Risk.Reasons.Select(r => new RiskReasonDto(r.Code, r.Level.Key(), r.Kind?.Key(), r.Date, r.AgencyKey)).ToList(),
            c.IsTurningEighteenSoon(today),
            p.Screenings.Select(ScreeningDto.From).ToList(),
            p.Assistance.Select(AssistanceDto.From).ToList(),
            c.Version);
    }
}

/// <summary>
/// The body of <c>PUT /api/v1/children/{id}</c>: the corrected record (categories may only be added) and the
/// <c>version</c> it was read at (from <c>GET</c>); a stale version answers 409 saying who changed it.
/// </summary>
public sealed record ChildUpdateRequest(
    string? Name, string? Sex, DateOnly? BirthDate, string? ResidentId, string? Township, IReadOnlyList<string>? Categories,
    string? Village = null, string? School = null, string? Grade = null, string? GuardianName = null,
    string? GuardianRelation = null, string? GuardianPhone = null, string? ParentsWorkPlace = null, int? Version = null)
{
    public UpdateChild ToCommand() => new(
        new NewChild(Name, Sex, BirthDate, ResidentId, Township, Categories),
        new ChildDetails(Village, School, Grade, GuardianName, GuardianRelation, GuardianPhone, ParentsWorkPlace),
        Version);
}

public sealed record CloseRequest(string? Reason, string? Note);

public sealed record MergeRequest(Guid? DuplicateId);

/// <summary>The body of <c>POST /api/v1/assistance</c>; <c>amount</c> is in yuan with at most two decimals.</summary>
public sealed record AssistanceRequest(Guid? ChildId, string? Kind, string? Programme, DateOnly? Date, int? Count, decimal? Amount, string? Note)
{
    public RecordAssistance ToCommand() => new(ChildId, Kind, Programme, Date, Count, Amount, Note);
}

public sealed record ProgrammeDto(string Key, string Name, string NameEn, string LeadAgency, string Kind, int? Target, string Unit, DateOnly StartsOn, DateOnly Deadline, int Achieved, int Records, decimal Amount)
{
    public static ProgrammeDto From(ProgrammeProgress p) => new(
        p.Programme.Key, p.Programme.Name, p.Programme.NameEn, p.Programme.LeadAgencyKey, p.Programme.Kind.Key(), p.Programme.Target,
        p.Programme.Unit.Key(), p.Programme.StartsOn, p.Programme.Deadline, p.Achieved, p.Records, AssistanceMeasure.ToYuan(p.AmountFen));
}
