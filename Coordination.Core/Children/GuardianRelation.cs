namespace Coordination.Core.Children;

/// <summary>监护人与儿童的关系.</summary>
public enum GuardianRelation
{
    Parent = 1,
    Grandparent = 2,
    Relative = 3,
    Institution = 4,
    Other = 5,
}
