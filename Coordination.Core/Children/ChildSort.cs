namespace Coordination.Core.Children;

/// <summary>The orders the register can be listed in.</summary>
public enum ChildSort
{
    Risk = 0,
    Name = 1,
    BirthDate = 2,
    Township = 3,
    LastScreened = 4,
    Registered = 5,
}
