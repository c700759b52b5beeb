using Coordination.Core.Children;

namespace Coordination.Core.Screenings;

/// <summary>摸排/筛查 — one agency's look at one child on one date.</summary>
public sealed class Screening
{
    private Screening()
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
        var screening = new Screening
        {
            Id = Guid.CreateVersion7(now),
            ChildId = child.Id,
            Kind = kind,
            Date = input.Date!.Value,
            AgencyKey = actor.AgencyKey,
            RecordedBy = actor.Person,
            RecordedAt = now,
            Risk = risk,
            Needs = ScreeningRules.ParseNeeds(input.Needs),
            Findings = input.Findings?.Trim() ?? "",
        };
        if (screening.Date < child.BirthDate)
        {
            var errors = new InputErrors();
            errors.Add("date", "Error.Date.BeforeBirth");
            errors.ThrowIfAny();
        }
        child.Screened(screening.Date, risk);
        return screening;
    }
}
