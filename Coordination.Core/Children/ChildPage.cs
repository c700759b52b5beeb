namespace Coordination.Core.Children;

/// <summary>A page of the register and how many children match in all.</summary>
public sealed record ChildPage(IReadOnlyList<ChildRow> Rows, int Total, int Page, int PageSize);
