namespace Coordination.Core.Screenings;

/// <summary>
/// The band of a 心灵微笑 score (0–100, higher is worse): normal 0–39, watch 40–59, warning 60–79,
/// crisis 80–100. The bands drive the risk rules and the group-counselling recommendation.
/// </summary>
public enum PsychologicalBand
{
    Normal = 0,
    Watch = 1,
    Warning = 2,
    Crisis = 3,
}
