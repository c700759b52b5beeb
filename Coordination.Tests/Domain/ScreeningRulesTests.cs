using Coordination.Core;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;

namespace Coordination.Tests.Domain;

public sealed class ScreeningRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static readonly RecordScreening Valid =
        new("health-check", Today, Guid.NewGuid(), null, "medium", ["medical", "psychological"], "视力下降，建议复查。");

    private static InputErrors Check(RecordScreening input, string? agencyKind = "health-check")
    {
        var errors = new InputErrors();
        ScreeningRules.Check(input, agencyKind, Today, errors);
        return errors;
    }

    [Fact]
    public void Valid_screening_of_a_registered_child_has_no_errors() =>
        Assert.True(Check(Valid).IsEmpty);

    [Fact]
    public void Valid_screening_of_a_new_child_has_no_errors() =>
        Assert.True(Check(Valid with { ChildId = null, NewChild = TestInputs.NewChild() }).IsEmpty);

    [Fact]
    public void Screening_without_needs_or_findings_is_accepted() =>
        Assert.True(Check(Valid with { Needs = null, Findings = null }).IsEmpty);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Missing_kind_is_required(string? kind) =>
        Assert.Equal("Error.Kind.Required", Check(Valid with { Kind = kind }).First("kind"));

    [Theory]
    [InlineData("blood-test")]
    [InlineData("HealthCheck")]
    public void Unknown_kind_is_refused(string kind) =>
        Assert.Equal("Error.Kind.Unknown", Check(Valid with { Kind = kind }).First("kind"));

    [Fact]
    public void Kind_of_another_agency_is_refused() =>
        Assert.Equal("Error.Kind.NotThisAgency", Check(Valid with { Kind = "household" }).First("kind"));

    [Fact]
    public void Agency_that_does_not_screen_cannot_record_a_screening() =>
        Assert.Equal("Error.Kind.NotThisAgency", Check(Valid, agencyKind: null).First("kind"));

    [Fact]
    public void Missing_date_is_required() =>
        Assert.Equal("Error.Date.Required", Check(Valid with { Date = null }).First("date"));

    [Fact]
    public void Screening_date_in_the_future_is_refused() =>
        Assert.Equal("Error.Date.Future", Check(Valid with { Date = Today.AddDays(1) }).First("date"));

    [Fact]
    public void Screening_date_before_2000_is_refused() =>
        Assert.Equal("Error.Date.TooOld", Check(Valid with { Date = new DateOnly(1999, 12, 31) }).First("date"));

    [Fact]
    public void Missing_risk_is_required() =>
        Assert.Equal("Error.Risk.Required", Check(Valid with { Risk = "" }).First("risk"));

    [Theory]
    [InlineData("severe")]
    [InlineData("High")]
    public void Unknown_risk_is_refused(string risk) =>
        Assert.Equal("Error.Risk.Unknown", Check(Valid with { Risk = risk }).First("risk"));

    [Theory]
    [InlineData("money")]
    [InlineData("none")]
    public void Unknown_need_is_refused(string need) =>
        Assert.Equal("Error.Needs.Unknown", Check(Valid with { Needs = ["medical", need] }).First("needs"));

    [Fact]
    public void Findings_longer_than_the_limit_are_refused() =>
        Assert.Equal("Error.Findings.TooLong", Check(Valid with { Findings = new string('查', ScreeningRules.FindingsMaxLength + 1) }).First("findings"));

    [Fact]
    public void Findings_at_the_limit_are_accepted() =>
        Assert.True(Check(Valid with { Findings = new string('查', ScreeningRules.FindingsMaxLength) }).IsEmpty);

    [Fact]
    public void Screening_with_neither_child_id_nor_new_child_is_refused() =>
        Assert.Equal("Error.Child.Required", Check(Valid with { ChildId = null, NewChild = null }).First("child"));

    [Fact]
    public void Screening_with_both_child_id_and_new_child_is_refused() =>
        Assert.Equal("Error.Child.Ambiguous", Check(Valid with { NewChild = TestInputs.NewChild() }).First("child"));

    [Fact]
    public void Needs_keys_become_flags()
    {
        var needs = ScreeningRules.ParseNeeds(["medical", "guardianship", "medical"]);
        Assert.Equal(Need.Medical | Need.Guardianship, needs);
        Assert.Equal(["medical", "guardianship"], NeedSet.Keys(needs));
    }
}
