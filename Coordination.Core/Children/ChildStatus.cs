namespace Coordination.Core.Children;

/// <summary>档案状态 — active; closed with a reason; or merged into another record of the same child.</summary>
public enum ChildStatus
{
    Active = 0,
    Closed = 1,
    Merged = 2,
}
