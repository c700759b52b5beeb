namespace Coordination.Core.Screenings;

/// <summary>需求 — what a child needs, as a screening found it. Flags: a screening may find several.</summary>
[Flags]
public enum Need
{
    None = 0,
    Psychological = 1,
    Medical = 2,
    Schooling = 4,
    Living = 8,
    Safety = 16,
    Guardianship = 32,
}
