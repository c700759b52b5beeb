namespace Coordination.Core.Children;

/// <summary>A child's enrolment in one category: since when, and by which agency.</summary>
public sealed class ChildCategoryEnrolment
{
    private ChildCategoryEnrolment()
    {
    }

    internal ChildCategoryEnrolment(Guid childId, ChildCategory category, DateOnly enrolledOn, string agencyKey)
    {
        ChildId = childId;
        Category = category;
        EnrolledOn = enrolledOn;
        AgencyKey = agencyKey;
    }

    public Guid ChildId { get; private set; }

    public ChildCategory Category { get; private set; }

    public DateOnly EnrolledOn { get; private set; }

    public string AgencyKey { get; private set; } = "";
}
