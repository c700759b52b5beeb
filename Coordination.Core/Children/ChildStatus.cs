namespace Coordination.Core.Children;

/// <summary>档案状态 — active, or closed with a reason.</summary>
public enum ChildStatus
{
    Active = 0,
    Closed = 1,
}
