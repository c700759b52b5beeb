namespace Coordination.Core.Children;

/// <summary>儿童档案 — the one record of a child that all agencies share.</summary>
public sealed class Child
{
    private readonly List<ChildCategoryEnrolment> _categories = [];
    private readonly List<ChildRiskChange> _riskChanges = [];

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

    /// <summary>The village or community, when known; a child may be recorded with the township only.</summary>
    public int? VillageId { get; private set; }

    public string? School { get; private set; }

    public string? Grade { get; private set; }

    public string? GuardianName { get; private set; }

    public GuardianRelation? GuardianRelation { get; private set; }

    public string? GuardianPhone { get; private set; }

    /// <summary>Where the parents work (外出务工地).</summary>
    public string? ParentsWorkPlace { get; private set; }

    public FiveClears FiveClears { get; private set; } = FiveClears.Empty;

    public ChildStatus Status { get; private set; }

    public ClosureReason? ClosureReason { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosureNote { get; private set; }

    /// <summary>For a record merged away: the record that now holds everything.</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>
    /// Counts the corrections, closures, reopenings and merges of this record: the concurrency token an edit
    /// presents (<c>version</c> in the API), so a stale edit is refused instead of silently overwriting another.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>The current risk, derived by <see cref="RiskRules"/> from the last 12 months.</summary>
    public RiskLevel Risk { get; private set; }

    public DateOnly? LastScreenedOn { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; } = "";

    public IReadOnlyCollection<ChildCategoryEnrolment> Categories => _categories;

    public string MaskedName => PersonName.Mask(Name);

    public string MaskedResidentId => Children.ResidentId.Mask(ResidentId);

    public DateOnly TurnsEighteenOn => BirthDate.AddYears(18);

    /// <summary>Flagged a month ahead, so the file can be closed or handed over in time.</summary>
    public bool IsTurningEighteenSoon(DateOnly today) => Status == ChildStatus.Active && TurnsEighteenOn <= today.AddMonths(1);

    public bool HasReachableGuardian => !string.IsNullOrWhiteSpace(GuardianPhone);

    public bool IsIn(ChildCategory category) => _categories.Any(c => c.Category == category);

    /// <summary>Makes a child from input that <see cref="ChildRules"/> found valid.</summary>
    public static Child Register(NewChild input, Actor actor, DateOnly today, DateTimeOffset now, int? villageId = null)
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
            Version = 1,
        };
        foreach (var key in input.Categories!.Distinct())
        {
            EnumKeys.TryParse<ChildCategory>(key, out var category);
            child._categories.Add(new ChildCategoryEnrolment(child.Id, category, today, actor.AgencyKey));
        }
        child.SetDetails(input.Details ?? ChildDetails.None, villageId);
        return child;
    }

    /// <summary>Replaces the identity fields with input that <see cref="ChildRules"/> found valid.</summary>
    /// <summary>The record was changed by a person (not a risk refresh): a new <see cref="Version"/>.</summary>
    internal void Changed() => Version++;

    public void CorrectIdentity(NewChild input)
    {
        EnsureActive();
        Name = input.Name!.Trim();
        Sex = Enum.Parse<Sex>(input.Sex!.Trim());
        BirthDate = input.BirthDate!.Value;
        ResidentId = Children.ResidentId.Normalize(input.ResidentId);
        if (TownshipKey != input.Township!.Trim())
        {
            TownshipKey = input.Township.Trim();
        }
    }

    /// <summary>Replaces the details with input that <see cref="ChildRules.CheckDetails"/> found valid.</summary>
    public void SetDetails(ChildDetails details, int? villageId)
    {
        VillageId = villageId;
        School = Clean(details.School);
        Grade = Clean(details.Grade);
        GuardianName = Clean(details.GuardianName);
        GuardianRelation = EnumKeys.TryParse<GuardianRelation>(details.GuardianRelation, out var r) ? r : null;
        GuardianPhone = Clean(details.GuardianPhone);
        ParentsWorkPlace = Clean(details.ParentsWorkPlace);
    }

    /// <summary>The school survey's view of the pupil: school, grade and the five clears.</summary>
    public void RecordSchooling(string? school, string? grade, FiveClears fiveClears)
    {
        School = Clean(school) ?? School;
        Grade = Clean(grade) ?? Grade;
        FiveClears = fiveClears.Trimmed();
    }

    /// <summary>Enrols the child in a category it is not yet in; returns whether anything changed.</summary>
    public bool Enrol(ChildCategory category, DateOnly on, string agencyKey)
    {
        if (IsIn(category))
        {
            return false;
        }
        _categories.Add(new ChildCategoryEnrolment(Id, category, on, agencyKey));
        return true;
    }

    /// <summary>A screening of <paramref name="date"/>: remembers the latest screening date.</summary>
    public void Screened(DateOnly date)
    {
        if (LastScreenedOn is null || date > LastScreenedOn)
        {
            LastScreenedOn = date;
        }
    }

    /// <summary>
    /// Sets the risk derived on <paramref name="day"/>; a change is kept in the risk history
    /// (<see cref="ChildRiskChange"/>), from which the figures count the children at high risk at a quarter's end.
    /// </summary>
    public void ApplyRisk(RiskLevel risk, DateOnly day)
    {
        if (risk == Risk)
        {
            return;
        }
        Risk = risk;
        _riskChanges.Add(new ChildRiskChange(Id, day, risk));
    }

    public void Close(ClosureReason reason, DateOnly on, string? note)
    {
        EnsureActive();
        if (reason == Children.ClosureReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Error.Closure.NoteRequired", "Closing for another reason needs a note.");
        }
        Status = ChildStatus.Closed;
        ClosureReason = reason;
        ClosedOn = on;
        ClosureNote = Clean(note);
    }

    public void Reopen()
    {
        if (Status != ChildStatus.Closed)
        {
            throw new DomainException("Error.Child.NotClosed", "Only a closed file can be reopened.");
        }
        Status = ChildStatus.Active;
        ClosureReason = null;
        ClosedOn = null;
        ClosureNote = null;
    }

    /// <summary>
    /// This record is a duplicate of <paramref name="kept"/>: its categories go to the kept record (keeping the
    /// earlier enrolment) and it stays only as a pointer, so its resident ID still leads to the child.
    /// </summary>
    public void MergeInto(Child kept)
    {
        if (kept.Id == Id)
        {
            throw new DomainException("Error.Merge.Same", "A record cannot be merged into itself.");
        }
        if (Status == ChildStatus.Merged || kept.Status == ChildStatus.Merged)
        {
            throw new DomainException("Error.Merge.AlreadyMerged", "One of the records has already been merged.");
        }
        foreach (var enrolment in _categories)
        {
            var existing = kept._categories.FirstOrDefault(c => c.Category == enrolment.Category);
            if (existing is null || existing.EnrolledOn > enrolment.EnrolledOn)
            {
                if (existing is not null)
                {
                    kept._categories.Remove(existing);
                }
                kept._categories.Add(new ChildCategoryEnrolment(kept.Id, enrolment.Category, enrolment.EnrolledOn, enrolment.AgencyKey));
            }
        }
        _categories.Clear();
        kept.VillageId ??= VillageId;
        kept.School ??= School;
        kept.Grade ??= Grade;
        kept.GuardianName ??= GuardianName;
        kept.GuardianRelation ??= GuardianRelation;
        kept.GuardianPhone ??= GuardianPhone;
        kept.ParentsWorkPlace ??= ParentsWorkPlace;
        if (!kept.FiveClears.IsComplete && FiveClears.IsComplete)
        {
            kept.FiveClears = FiveClears;
        }
        if (LastScreenedOn is { } d)
        {
            kept.Screened(d);
        }
        if (kept.Status == ChildStatus.Closed && Status == ChildStatus.Active)
        {
            kept.Reopen();
        }
        Status = ChildStatus.Merged;
        MergedIntoId = kept.Id;
    }

    private void EnsureActive()
    {
        if (Status != ChildStatus.Active)
        {
            throw new DomainException("Error.Child.Closed", "This child's file is not active.");
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
