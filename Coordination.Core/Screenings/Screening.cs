using Coordination.Core.Screenings.Details;

namespace Coordination.Core.Screenings;

/// <summary>摸排/筛查 — one agency's look at one child on one date. Each kind adds what only it records.</summary>
public abstract class Screening
{
    protected Screening()
    {
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    public ScreeningKind Kind { get; private set; }

    public DateOnly Date { get; private set; }

    public string AgencyKey { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public RiskLevel Risk { get; private set; }

    public Need Needs { get; private set; }

    public string Findings { get; private set; } = "";

    /// <summary>Makes a screening from input that <see cref="ScreeningRules"/> found valid.</summary>
    public static Screening Record(Child child, RecordScreening input, Actor actor, DateTimeOffset now)
    {
        EnumKeys.TryParse<ScreeningKind>(input.Kind, out var kind);
        EnumKeys.TryParse<RiskLevel>(input.Risk, out var risk);
        Screening screening = kind switch
        {
            ScreeningKind.Household => new HouseholdScreening(input.Details as HouseholdDetails),
            ScreeningKind.Psychological => new PsychologicalScreening(input.Details as PsychologicalDetails),
            ScreeningKind.HealthCheck => new HealthCheckScreening(input.Details as HealthCheckDetails),
            ScreeningKind.SchoolSurvey => new SchoolSurveyScreening(input.Details as SchoolSurveyDetails),
            _ => throw new DomainException("Error.Kind.Unknown", $"Unknown screening kind '{input.Kind}'."),
        };
        screening.Id = Guid.CreateVersion7(now);
        screening.ChildId = child.Id;
        screening.Kind = kind;
        screening.Date = input.Date!.Value;
        screening.AgencyKey = actor.AgencyKey;
        screening.RecordedBy = actor.Person;
        screening.RecordedAt = now;
        screening.Risk = risk;
        screening.Needs = ScreeningRules.ParseNeeds(input.Needs);
        screening.Findings = input.Findings?.Trim() ?? "";
        if (screening.Date < child.BirthDate)
        {
            var errors = new InputErrors();
            errors.Add("date", "Error.Date.BeforeBirth");
            errors.ThrowIfAny();
        }
        child.Screened(screening.Date);
        screening.ApplyTo(child);
        return screening;
    }

    /// <summary>Moves the screening to the record a duplicate was merged into.</summary>
    internal void MoveTo(Guid childId) => ChildId = childId;

    /// <summary>What this kind of screening changes on the child's shared record.</summary>
    protected virtual void ApplyTo(Child child)
    {
    }
}
