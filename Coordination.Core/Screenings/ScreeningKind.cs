namespace Coordination.Core.Screenings;

/// <summary>筛查类型 — each agency's own look at a child.</summary>
public enum ScreeningKind
{
    /// <summary>常态化摸排 — routine household screening (civil affairs).</summary>
    Household = 1,

    /// <summary>心理筛查 — psychological screening, 心灵微笑 (women's federation).</summary>
    Psychological = 2,

    /// <summary>健康体检 — health check (health bureau).</summary>
    HealthCheck = 3,

    /// <summary>在校摸底 — school survey (education bureau).</summary>
    SchoolSurvey = 4,
}
