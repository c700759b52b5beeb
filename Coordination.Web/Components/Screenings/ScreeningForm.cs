using Coordination.Core.Screenings.Details;

namespace Coordination.Web.Components.Screenings;

/// <summary>What the recording form holds while a liaison fills it in (its paths are those of the API's screening body).</summary>
public sealed class ScreeningForm
{
    public bool NewChild { get; set; }

    [ApiPath("child")]
    [ApiPath("child.id")]
    public ChildMatch? Child { get; set; }

    [ApiPath("child.name")]
    public string? Name { get; set; }

    [ApiPath("child.sex")]
    public string? Sex { get; set; }

    [ApiPath("child.birthDate")]
    public DateTime? BirthDate { get; set; }

    [ApiPath("child.residentId")]
    public string? ResidentId { get; set; }

    [ApiPath("child.township")]
    public string? Township { get; set; }

    [ApiPath("child.categories")]
    public IReadOnlyCollection<string> Categories { get; set; } = [];

    [ApiPath("child")]
    public ChildDetailsInput Details { get; private set; } = new();

    /// <summary>The liaison has seen the children with the same name, birth date and township and says this is another child.</summary>
    public bool ConfirmedDistinct { get; set; }

    public string? Kind { get; set; }

    public DateTime? Date { get; set; }

    public string? Risk { get; set; }

    public HashSet<string> Needs { get; } = [];

    public string? Findings { get; set; }

    public HouseholdInput Household { get; private set; } = new();

    public PsychologicalInput Psychological { get; private set; } = new();

    public HealthCheckInput HealthCheck { get; private set; } = new();

    public SchoolSurveyInput SchoolSurvey { get; private set; } = new();

    public ScreeningKind? SelectedKind => EnumKeys.TryParse<ScreeningKind>(Kind, out var kind) ? kind : null;

    public DateOnly? BirthDateOnly => BirthDate is { } b ? DateOnly.FromDateTime(b) : null;

    public RecordScreening ToCommand() => new(
        Kind,
        Date is { } d ? DateOnly.FromDateTime(d) : null,
        NewChild ? null : Child?.Id,
        NewChild ? new NewChild(Name, Sex, BirthDateOnly, ResidentId, Township, Categories.ToList(), ChildDetails()) : null,
        Risk,
        Needs.ToList(),
        Findings,
        KindDetails());

    /// <summary>Clears what belongs to one screening, keeping the kind for the next one.</summary>
    public void ResetAfterSave(DateTime today)
    {
        NewChild = false;
        Child = null;
        Name = Sex = ResidentId = Township = Risk = Findings = null;
        BirthDate = null;
        Categories = [];
        Details = new();
        ConfirmedDistinct = false;
        Needs.Clear();
        Household = new();
        Psychological = new();
        HealthCheck = new();
        SchoolSurvey = new();
        Date = today;
    }

    private ChildDetails ChildDetails()
    {
        // The school survey names the pupil's school and grade once, for the survey and the register alike.
        var fromSurvey = SelectedKind == ScreeningKind.SchoolSurvey;
        return fromSurvey ? Details.ToDetails(SchoolSurvey.School, SchoolSurvey.Grade) : Details.ToDetails();
    }

    private ScreeningDetails? KindDetails() => SelectedKind switch
    {
        ScreeningKind.Household => new HouseholdDetails(
            Household.Guardianship,
            Household.LivingConditions,
            Household.ConfirmedCategories.Order(StringComparer.Ordinal).ToList(),
            Household.EligibleForLivingGuarantee),
        ScreeningKind.Psychological => new PsychologicalDetails(
            Psychological.Score,
            Psychological.Flags.Order(StringComparer.Ordinal).ToList(),
            Psychological.GroupCounselling),
        ScreeningKind.HealthCheck => new HealthCheckDetails(
            HealthCheck.HeightCm,
            HealthCheck.WeightKg,
            HealthCheck.ChronicIllness,
            HealthCheck.Disability,
            HealthCheck.GreenChannelEligible),
        ScreeningKind.SchoolSurvey => new SchoolSurveyDetails(
            SchoolSurvey.School,
            SchoolSurvey.Grade,
            new FiveClears(SchoolSurvey.BasicFacts, SchoolSurvey.Personality, SchoolSurvey.Hobbies, SchoolSurvey.Health, SchoolSurvey.GuardianContact),
            SchoolSurvey.ContactCardIssued,
            SchoolSurvey.AttendanceConcern,
            SchoolSurvey.AttendanceNote),
        _ => null,
    };
}
