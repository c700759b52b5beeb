namespace Coordination.Core.Screenings;

/// <summary>居住生活条件, as the household screening finds them.</summary>
public enum LivingConditions
{
    Good = 1,
    Fair = 2,
    Poor = 3,
}
