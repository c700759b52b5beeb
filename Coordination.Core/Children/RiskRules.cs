namespace Coordination.Core.Children;

/// <summary>
/// 风险研判 — the written rules that turn a child's record and the screenings of the last 12 months into the
/// current risk. Each agency's latest screening of its own kind counts (a newer one supersedes an older one);
/// the highest of those is the starting point, and these rules can only raise it:
/// <list type="number">
/// <item>de facto unsupported or orphaned, with no reachable guardian (no phone, or the household visit found
/// guardianship absent): at least high;</item>
/// <item>guardianship found absent: at least high; weak: at least medium;</item>
/// <item>self-harm flagged in the psychological screening: urgent;</item>
/// <item>psychological score in the crisis band (80+): at least high; warning band (60–79): at least medium;</item>
/// <item>seriously ill or disabled and eligible for the medical green channel: at least medium;</item>
/// <item>a left-behind pupil with an attendance concern: at least medium;</item>
/// <item>poor living conditions: at least medium.</item>
/// </list>
/// No screening in 12 months means no current assessment (none), which the profile says.
/// </summary>
public static class RiskRules
{
    public static readonly int WindowMonths = 12;

    /// <summary>
    /// Rebuilds a child's risk history from its screenings, day by day up to <paramref name="until"/>: the risk is
    /// assessed on every day a screening is dated and every day one leaves the 12-month window, and each change is
    /// kept through <see cref="Child.ApplyRisk"/>. For data made in one go (the demo, the city generator), whose
    /// screenings were never seen arriving one by one.
    /// </summary>
    public static void Replay(Child child, IReadOnlyCollection<Screening> screenings, DateOnly until)
    {
        var days = screenings
            .SelectMany(s => new[] { s.Date, s.Date.AddMonths(WindowMonths), s.Date.AddMonths(WindowMonths).AddDays(1) })
            .Append(until)
            .Where(d => d <= until)
            .Distinct()
            .Order();
        foreach (var day in days)
        {
            child.ApplyRisk(Assess(child, screenings, day).Level, day);
        }
    }

    public static RiskAssessment Assess(Child child, IEnumerable<Screening> screenings, DateOnly today)
    {
        var since = today.AddMonths(-WindowMonths);
        var latest = screenings
            .Where(s => s.Date > since && s.Date <= today)
            .GroupBy(s => s.Kind)
            .Select(g => g.OrderByDescending(s => s.Date).ThenByDescending(s => s.RecordedAt).First())
            .ToList();
        if (latest.Count == 0)
        {
            return new RiskAssessment(RiskLevel.None, [new RiskReason("Risk.Reason.NoRecentScreening", RiskLevel.None)]);
        }

        var reasons = latest
            .Where(s => s.Risk > RiskLevel.None)
            .Select(s => new RiskReason("Risk.Reason.Assessed", s.Risk, s.Kind, s.Date, s.AgencyKey))
            .ToList();

        var household = latest.OfType<HouseholdScreening>().FirstOrDefault();
        var psychological = latest.OfType<PsychologicalScreening>().FirstOrDefault();
        var health = latest.OfType<HealthCheckScreening>().FirstOrDefault();
        var school = latest.OfType<SchoolSurveyScreening>().FirstOrDefault();

        void Raise(bool when, string code, RiskLevel level, Screening? source)
        {
            if (when)
            {
                reasons.Add(new RiskReason(code, level, source?.Kind, source?.Date, source?.AgencyKey));
            }
        }

        var unsupported = child.IsIn(ChildCategory.DeFactoUnsupported) || child.IsIn(ChildCategory.Orphan);
        var guardianAbsent = household?.Guardianship == GuardianshipSituation.Absent;
        Raise(unsupported && (!child.HasReachableGuardian || guardianAbsent), "Risk.Reason.UnsupportedNoGuardian", RiskLevel.High, guardianAbsent ? household : null);
        Raise(guardianAbsent, "Risk.Reason.GuardianshipAbsent", RiskLevel.High, household);
        Raise(household?.Guardianship == GuardianshipSituation.Weak, "Risk.Reason.GuardianshipWeak", RiskLevel.Medium, household);
        Raise(psychological is not null && psychological.Flags.HasFlag(PsychologicalFlag.SelfHarm), "Risk.Reason.SelfHarm", RiskLevel.Urgent, psychological);
        Raise(psychological?.Band == PsychologicalBand.Crisis, "Risk.Reason.PsychologicalCrisis", RiskLevel.High, psychological);
        Raise(psychological?.Band == PsychologicalBand.Warning, "Risk.Reason.PsychologicalWarning", RiskLevel.Medium, psychological);
        Raise((child.IsIn(ChildCategory.SeriouslyIll) || child.IsIn(ChildCategory.Disabled)) && health?.GreenChannelEligible == true,
            "Risk.Reason.GreenChannel", RiskLevel.Medium, health);
        Raise(child.IsIn(ChildCategory.LeftBehind) && school?.AttendanceConcern == true, "Risk.Reason.Attendance", RiskLevel.Medium, school);
        Raise(household?.LivingConditions == LivingConditions.Poor, "Risk.Reason.PoorLiving", RiskLevel.Medium, household);

        if (reasons.Count == 0)
        {
            return new RiskAssessment(RiskLevel.None, [new RiskReason("Risk.Reason.NothingFound", RiskLevel.None)]);
        }
        var ordered = reasons.OrderByDescending(r => r.Level).ThenByDescending(r => r.Date).ToList();
        return new RiskAssessment(ordered[0].Level, ordered);
    }
}
