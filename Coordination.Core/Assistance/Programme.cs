namespace Coordination.Core.Assistance;

/// <summary>项目 — a named effort with a target and a deadline (Hope Cabins for 50 children by year end, ...).</summary>
public sealed class Programme
{
    private Programme()
    {
    }

    public Programme(string key, string name, string nameEn, string leadAgencyKey, AssistanceKind kind, int? target, ProgrammeUnit unit, DateOnly startsOn, DateOnly deadline, int sortOrder)
    {
        Key = key;
        Update(name, nameEn, leadAgencyKey, kind, target, unit, startsOn, deadline, sortOrder);
    }

    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public string LeadAgencyKey { get; private set; } = "";

    /// <summary>The kind of assistance the programme delivers.</summary>
    public AssistanceKind Kind { get; private set; }

    public int? Target { get; private set; }

    public ProgrammeUnit Unit { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly Deadline { get; private set; }

    public int SortOrder { get; private set; }

    public void Update(string name, string nameEn, string leadAgencyKey, AssistanceKind kind, int? target, ProgrammeUnit unit, DateOnly startsOn, DateOnly deadline, int sortOrder)
    {
        Name = name;
        NameEn = nameEn;
        LeadAgencyKey = leadAgencyKey;
        Kind = kind;
        Target = target;
        Unit = unit;
        StartsOn = startsOn;
        Deadline = deadline;
        SortOrder = sortOrder;
    }

    public bool IsRunningOn(DateOnly date) => date >= StartsOn && date <= Deadline;

    public string DisplayName(bool english) => english ? NameEn : Name;
}
