using Coordination.Core.Assistance;

namespace Coordination.Web.Components.Assistance;

/// <summary>What the assistance form holds while a liaison fills it in.</summary>
public sealed class AssistanceForm
{
    [ApiPath("childId")]
    public ChildMatch? Child { get; set; }

    public string? Kind { get; set; }

    public string? Programme { get; set; }

    public DateTime? Date { get; set; }

    public int? Count { get; set; } = 1;

    public decimal? Amount { get; set; }

    public string? Note { get; set; }

    /// <summary>Money kinds are recorded in yuan, the others as a count.</summary>
    public bool IsMoney => EnumKeys.TryParse<AssistanceKind>(Kind, out var kind) && AssistanceMeasure.IsMoney(kind);

    public RecordAssistance ToCommand() => new(
        Child?.Id,
        Kind,
        string.IsNullOrWhiteSpace(Programme) ? null : Programme,
        Date is { } d ? DateOnly.FromDateTime(d) : null,
        IsMoney ? null : Count,
        IsMoney ? Amount : null,
        Note);

    /// <summary>Clears what belongs to one record, keeping the child, kind and programme for the next one.</summary>
    public void ResetAfterSave()
    {
        Count = 1;
        Amount = null;
        Note = null;
    }
}
