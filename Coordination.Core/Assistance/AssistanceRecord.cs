namespace Coordination.Core.Assistance;

/// <summary>帮扶记录 — what one agency did for one child, under a programme or not, counted or in fen.</summary>
public sealed class AssistanceRecord
{
    private AssistanceRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    public string AgencyKey { get; private set; } = "";

    public AssistanceKind Kind { get; private set; }

    public string? ProgrammeKey { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>How many times (attendances, sessions, visits); 1 for a one-off; 0 for money.</summary>
    public int Count { get; private set; }

    /// <summary>The amount in whole fen (分), for money kinds; 0 otherwise.</summary>
    public long AmountFen { get; private set; }

    public string Note { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Makes a record from input that <see cref="AssistanceRules"/> found valid.</summary>
    public static AssistanceRecord Record(Guid childId, RecordAssistance input, Actor actor, DateTimeOffset now)
    {
        EnumKeys.TryParse<AssistanceKind>(input.Kind, out var kind);
        var money = AssistanceMeasure.IsMoney(kind);
        return new AssistanceRecord
        {
            Id = Guid.CreateVersion7(now),
            ChildId = childId,
            AgencyKey = actor.AgencyKey,
            Kind = kind,
            ProgrammeKey = string.IsNullOrWhiteSpace(input.Programme) ? null : input.Programme.Trim(),
            Date = input.Date!.Value,
            Count = money ? 0 : input.Count ?? 1,
            AmountFen = money ? AssistanceMeasure.ToFen(input.Amount!.Value)!.Value : 0,
            Note = input.Note?.Trim() ?? "",
            RecordedBy = actor.Person,
            RecordedAt = now,
        };
    }

    internal void MoveTo(Guid childId) => ChildId = childId;
}
