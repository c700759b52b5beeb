namespace Coordination.Core.Children;

/// <summary>A correction of a child's record: identity (checked like a new child) and details.</summary>
public sealed record UpdateChild(NewChild Identity, ChildDetails Details);
