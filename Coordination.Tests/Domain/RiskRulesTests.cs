using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Core.Screenings.Details;
using Coordination.Tests.Support;

namespace Coordination.Tests.Domain;

/// <summary>Each written risk rule, case by case: what raises a child's risk, to what, and why.</summary>
public sealed class RiskRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static Child ChildIn(string[] categories, string? guardianPhone = "13800001234") =>
        Child.Register(
            TestInputs.NewChild(categories: categories) with { Details = new ChildDetails(GuardianPhone: guardianPhone) },
            TestInputs.CivilAffairs, Today.AddYears(-1), Now.AddYears(-1));

    private static Screening Screen(Child child, Actor actor, DateOnly date, string risk, ScreeningDetails? details = null, int minutes = 0) =>
        Screening.Record(child,
            new RecordScreening(TestInputs.KindOf(actor), date, child.Id, null, risk, [], "", details),
            actor, Now.AddMinutes(minutes));

    private static RiskAssessment Assess(Child child, params Screening[] screenings) => RiskRules.Assess(child, screenings, Today);

    [Fact]
    public void No_screening_in_twelve_months_means_no_current_risk_and_says_so()
    {
        var child = ChildIn(["left-behind"]);
        var old = Screen(child, TestInputs.Health, Today.AddMonths(-13), "urgent");

        var result = Assess(child, old);

        Assert.Equal(RiskLevel.None, result.Level);
        Assert.Equal("Risk.Reason.NoRecentScreening", Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public void The_highest_latest_assessment_of_each_kind_sets_the_level()
    {
        var child = ChildIn(["left-behind"]);

        var result = Assess(child,
            Screen(child, TestInputs.Health, Today.AddDays(-30), "medium"),
            Screen(child, TestInputs.Education, Today.AddDays(-5), "low"));

        Assert.Equal(RiskLevel.Medium, result.Level);
        var top = result.Reasons[0];
        Assert.Equal(("Risk.Reason.Assessed", ScreeningKind.HealthCheck, "health"), (top.Code, top.Kind!.Value, top.AgencyKey!));
    }

    [Fact]
    public void A_newer_screening_of_the_same_kind_supersedes_the_older_one()
    {
        var child = ChildIn(["left-behind"]);

        var result = Assess(child,
            Screen(child, TestInputs.Health, Today.AddDays(-60), "urgent"),
            Screen(child, TestInputs.Health, Today.AddDays(-2), "low"));

        Assert.Equal(RiskLevel.Low, result.Level);
    }

    [Fact]
    public void Screenings_that_found_nothing_say_so()
    {
        var child = ChildIn(["left-behind"]);

        var result = Assess(child, Screen(child, TestInputs.Health, Today, "none"));

        Assert.Equal(RiskLevel.None, result.Level);
        Assert.Equal("Risk.Reason.NothingFound", Assert.Single(result.Reasons).Code);
    }

    [Theory]
    [InlineData("de-facto-unsupported")]
    [InlineData("orphan")]
    public void Unsupported_without_a_reachable_guardian_is_at_least_high(string category)
    {
        var child = ChildIn([category], guardianPhone: null);

        var result = Assess(child, Screen(child, TestInputs.Health, Today, "low"));

        Assert.Equal(RiskLevel.High, result.Level);
        Assert.Equal("Risk.Reason.UnsupportedNoGuardian", result.Reasons[0].Code);
    }

    [Fact]
    public void Unsupported_with_a_guardian_phone_is_not_raised()
    {
        var child = ChildIn(["de-facto-unsupported"]);

        Assert.Equal(RiskLevel.Low, Assess(child, Screen(child, TestInputs.Health, Today, "low")).Level);
    }

    [Fact]
    public void Unsupported_whose_household_visit_found_guardianship_absent_is_high_even_with_a_phone()
    {
        var child = ChildIn(["de-facto-unsupported"]);
        var visit = Screen(child, TestInputs.CivilAffairs, Today, "low", new HouseholdDetails("absent", "fair", ["de-facto-unsupported"], true));

        var result = Assess(child, visit);

        Assert.Equal(RiskLevel.High, result.Level);
        Assert.Contains(result.Reasons, r => r.Code == "Risk.Reason.UnsupportedNoGuardian" && r.Kind == ScreeningKind.Household);
        Assert.Contains(result.Reasons, r => r.Code == "Risk.Reason.GuardianshipAbsent");
    }

    [Theory]
    [InlineData("absent", RiskLevel.High, "Risk.Reason.GuardianshipAbsent")]
    [InlineData("weak", RiskLevel.Medium, "Risk.Reason.GuardianshipWeak")]
    public void Guardianship_found_by_the_household_visit_raises_the_risk(string guardianship, RiskLevel expected, string code)
    {
        var child = ChildIn(["left-behind"]);

        var result = Assess(child, Screen(child, TestInputs.CivilAffairs, Today, "none", new HouseholdDetails(guardianship, "good", [], false)));

        Assert.Equal(expected, result.Level);
        Assert.Equal(code, result.Reasons[0].Code);
    }

    [Fact]
    public void Self_harm_flagged_is_urgent()
    {
        var child = ChildIn(["left-behind"]);

        var result = Assess(child, Screen(child, TestInputs.WomensFederation, Today, "low", new PsychologicalDetails(35, ["self-harm"], true)));

        Assert.Equal(RiskLevel.Urgent, result.Level);
        Assert.Equal("Risk.Reason.SelfHarm", result.Reasons[0].Code);
    }

    [Theory]
    [InlineData(39, RiskLevel.None)]
    [InlineData(59, RiskLevel.None)]
    [InlineData(60, RiskLevel.Medium)]
    [InlineData(79, RiskLevel.Medium)]
    [InlineData(80, RiskLevel.High)]
    [InlineData(100, RiskLevel.High)]
    public void The_psychological_score_band_raises_the_risk_at_its_boundaries(int score, RiskLevel expected)
    {
        var child = ChildIn(["left-behind"]);

        Assert.Equal(expected, Assess(child, Screen(child, TestInputs.WomensFederation, Today, "none", new PsychologicalDetails(score, [], null))).Level);
    }

    [Fact]
    public void A_seriously_ill_child_eligible_for_the_green_channel_is_at_least_medium()
    {
        var child = ChildIn(["seriously-ill"]);

        var result = Assess(child, Screen(child, TestInputs.Health, Today, "low", new HealthCheckDetails(120, 25, "白血病", null, true)));

        Assert.Equal(RiskLevel.Medium, result.Level);
        Assert.Equal("Risk.Reason.GreenChannel", result.Reasons[0].Code);
    }

    [Fact]
    public void Green_channel_eligibility_of_a_child_in_neither_category_does_not_raise()
    {
        var child = ChildIn(["left-behind"]);

        Assert.Equal(RiskLevel.Low, Assess(child, Screen(child, TestInputs.Health, Today, "low", new HealthCheckDetails(120, 25, "哮喘", null, true))).Level);
    }

    [Fact]
    public void A_left_behind_pupil_with_an_attendance_concern_is_at_least_medium()
    {
        var child = ChildIn(["left-behind"]);
        var survey = new SchoolSurveyDetails("演示第1小学", "3年级", null, false, true, "缺勤 5 天");

        var result = Assess(child, Screen(child, TestInputs.Education, Today, "none", survey));

        Assert.Equal(RiskLevel.Medium, result.Level);
        Assert.Equal("Risk.Reason.Attendance", result.Reasons[0].Code);
    }

    [Fact]
    public void Poor_living_conditions_are_at_least_medium()
    {
        var child = ChildIn(["in-difficulty"]);

        var result = Assess(child, Screen(child, TestInputs.CivilAffairs, Today, "low", new HouseholdDetails("adequate", "poor", [], false)));

        Assert.Equal(RiskLevel.Medium, result.Level);
        Assert.Equal("Risk.Reason.PoorLiving", result.Reasons[0].Code);
    }

    [Fact]
    public void Rules_never_lower_an_assessment()
    {
        var child = ChildIn(["left-behind"]);

        var result = Assess(child, Screen(child, TestInputs.CivilAffairs, Today, "urgent", new HouseholdDetails("weak", "poor", [], false)));

        Assert.Equal(RiskLevel.Urgent, result.Level);
        Assert.Equal(["Risk.Reason.Assessed", "Risk.Reason.GuardianshipWeak", "Risk.Reason.PoorLiving"], result.Reasons.Select(r => r.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_rule_from_an_outdated_screening_no_longer_applies()
    {
        var child = ChildIn(["left-behind"]);

        var result = Assess(child,
            Screen(child, TestInputs.CivilAffairs, Today.AddMonths(-12), "none", new HouseholdDetails("absent", "poor", [], false)),
            Screen(child, TestInputs.Health, Today, "low"));

        Assert.Equal(RiskLevel.Low, result.Level);
        Assert.DoesNotContain(result.Reasons, r => r.Code == "Risk.Reason.GuardianshipAbsent");
    }
}
