namespace Coordination.Core.Children;

/// <summary>性别. Keys on the wire are <c>F</c> and <c>M</c>.</summary>
public enum Sex
{
    F = 1,
    M = 2,
}
