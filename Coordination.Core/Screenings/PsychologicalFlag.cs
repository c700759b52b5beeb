namespace Coordination.Core.Screenings;

/// <summary>心灵微笑 screening flags: what the counsellor saw that needs attention.</summary>
[Flags]
public enum PsychologicalFlag
{
    None = 0,
    SelfHarm = 1,
    Bullying = 2,
    Depression = 4,
    Anxiety = 8,
    Withdrawal = 16,
    Loneliness = 32,
}
