namespace Coordination.Core.Assistance;

/// <summary>What a liaison submits to record assistance for a child. <see cref="Amount"/> is in yuan (two decimals).</summary>
public sealed record RecordAssistance(
    Guid? ChildId,
    string? Kind,
    string? Programme,
    DateOnly? Date,
    int? Count,
    decimal? Amount,
    string? Note);
