namespace Coordination.Core.Children;

/// <summary>A page of the register: filters, order and page, all applied in SQL.</summary>
public sealed record ChildQuery(
    string? Township = null,
    ChildCategory? Category = null,
    RiskLevel? MinRisk = null,
    ChildStatus? Status = ChildStatus.Active,
    string? Agency = null,
    string? Text = null,
    ChildSort Sort = ChildSort.Risk,
    bool Descending = true,
    int Page = 0,
    int PageSize = 25)
{
    public const int MaxPageSize = 200;
}
