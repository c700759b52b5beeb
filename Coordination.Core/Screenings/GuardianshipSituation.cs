namespace Coordination.Core.Screenings;

/// <summary>监护状况, as the household screening finds it.</summary>
public enum GuardianshipSituation
{
    Adequate = 1,
    Weak = 2,
    Absent = 3,
}
