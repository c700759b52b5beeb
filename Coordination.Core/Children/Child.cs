namespace Coordination.Core.Children;

/// <summary>儿童档案 — the one record of a child that all agencies share.</summary>
public sealed class Child
{
    private readonly List<ChildCategoryEnrolment> _categories = [];

    private Child()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public Sex Sex { get; private set; }

    public DateOnly BirthDate { get; private set; }

    /// <summary>Normalised (upper-case X); unique on the register.</summary>
    public string ResidentId { get; private set; } = "";

    public string TownshipKey { get; private set; } = "";

    public ChildStatus Status { get; private set; }

    /// <summary>The current risk, from the latest screenings.</summary>
    public RiskLevel Risk { get; private set; }

    public DateOnly? LastScreenedOn { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; } = "";

    public IReadOnlyCollection<ChildCategoryEnrolment> Categories => _categories;

    public string MaskedName => PersonName.Mask(Name);

    public string MaskedResidentId => Children.ResidentId.Mask(ResidentId);

    /// <summary>Makes a child from input that <see cref="ChildRules"/> found valid.</summary>
    public static Child Register(NewChild input, Actor actor, DateOnly today, DateTimeOffset now)
    {
        var child = new Child
        {
            Id = Guid.CreateVersion7(now),
            Name = input.Name!.Trim(),
            Sex = Enum.Parse<Sex>(input.Sex!.Trim()),
            BirthDate = input.BirthDate!.Value,
            ResidentId = Children.ResidentId.Normalize(input.ResidentId),
            TownshipKey = input.Township!.Trim(),
            Status = ChildStatus.Active,
            Risk = RiskLevel.None,
            RegisteredAt = now,
            RegisteredBy = actor.AgencyKey,
        };
        foreach (var key in input.Categories!.Distinct())
        {
            EnumKeys.TryParse<ChildCategory>(key, out var category);
            child._categories.Add(new ChildCategoryEnrolment(child.Id, category, today, actor.AgencyKey));
        }
        return child;
    }

    /// <summary>A screening of <paramref name="date"/> found <paramref name="risk"/>: the latest screening sets the current risk.</summary>
    public void Screened(DateOnly date, RiskLevel risk)
    {
        if (LastScreenedOn is null || date >= LastScreenedOn)
        {
            LastScreenedOn = date;
            Risk = risk;
        }
    }
}
