using Coordination.Core;
using Coordination.Core.Assistance;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Web.Components.Assistance;
using Coordination.Web.Components.Children;
using Coordination.Web.Components.Screenings;
using Coordination.Web.Components.Shared;

namespace Coordination.Tests.Components;

/// <summary>
/// Every problem Core's rules find with what a form sends has a field of that form to be shown at: the form
/// models' paths (FormErrors, ApiPath) and Core's names of fields cannot drift apart unnoticed.
/// </summary>
public sealed class FormErrorsTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly string TooLong = new('长', 5000);

    [Theory]
    [InlineData("household")]
    [InlineData("psychological")]
    [InlineData("health-check")]
    [InlineData("school-survey")]
    public void Every_problem_with_a_new_child_and_its_screening_has_its_field_on_the_screening_form(string kind)
    {
        var form = new ScreeningForm
        {
            NewChild = true, Name = TooLong, Sex = "X", BirthDate = new DateTime(2030, 1, 1), ResidentId = "12345",
            Township = "nowhere", Categories = ["no-such-category"], Kind = kind, Date = new DateTime(2031, 1, 1), Risk = "extreme", Findings = TooLong,
        };
        form.Needs.Add("no-such-need");
        form.Details.Village = "无此村";
        form.Details.School = form.Details.Grade = form.Details.GuardianName = form.Details.ParentsWorkPlace = TooLong;
        form.Details.GuardianRelation = "cousin-twice-removed";
        form.Details.GuardianPhone = "电话";
        form.Household.Guardianship = "nobody";
        form.Household.LivingConditions = "castle";
        form.Household.ConfirmedCategories.Add("no-such-category");
        form.Household.EligibleForLivingGuarantee = true;
        form.Psychological.Score = -5;
        form.Psychological.Flags.Add("no-such-flag");
        form.HealthCheck.HeightCm = 900;
        form.HealthCheck.WeightKg = -1;
        form.HealthCheck.GreenChannelEligible = true;
        form.SchoolSurvey.ContactCardIssued = true;
        form.SchoolSurvey.AttendanceConcern = true;
        form.SchoolSurvey.BasicFacts = form.SchoolSurvey.Personality = form.SchoolSurvey.Hobbies = form.SchoolSurvey.Health = form.SchoolSurvey.GuardianContact = TooLong;

        var command = form.ToCommand();
        var errors = new InputErrors();
        ScreeningRules.Check(command, kind, Today, errors);
        ChildRules.Check(command.NewChild!, "child.", Today, _ => false, errors);
        ChildRules.CheckDetails(command.NewChild!.Details, "child.", _ => false, errors);

        AssertEveryPathHasItsField(form, errors, atLeast: 14);
    }

    [Fact]
    public void Every_problem_with_an_edited_record_has_its_field_on_the_edit_form()
    {
        var form = new EditChildForm { Name = TooLong, Sex = "X", BirthDate = new DateTime(2030, 1, 1), NewResidentId = "12345", Township = "nowhere", AddedCategories = ["no-such-category"] };
        form.Details.Village = "无此村";
        form.Details.School = form.Details.Grade = form.Details.GuardianName = form.Details.ParentsWorkPlace = TooLong;
        form.Details.GuardianRelation = "cousin-twice-removed";
        form.Details.GuardianPhone = "电话";

        var errors = new InputErrors();
        ChildRules.Check(new NewChild(form.Name, form.Sex, DateOnly.FromDateTime(form.BirthDate!.Value), form.NewResidentId, form.Township, [.. form.AddedCategories]), "", Today, _ => false, errors);
        ChildRules.CheckDetails(form.Details.ToDetails(), "", _ => false, errors);

        AssertEveryPathHasItsField(form, errors, atLeast: 12);
    }

    [Fact]
    public void Every_problem_with_assistance_has_its_field_on_the_assistance_form()
    {
        var form = new AssistanceForm { Kind = "no-such-kind", Date = new DateTime(2031, 1, 1), Count = -3, Note = TooLong };
        var errors = new InputErrors();
        AssistanceRules.Check(form.ToCommand(), null, Today, errors);

        AssertEveryPathHasItsField(form, errors, atLeast: 4);
    }

    [Fact]
    public void A_problem_no_field_answers_for_is_the_forms_own()
    {
        var form = new ScreeningForm();
        var fields = FormErrors.FieldsOf(form);

        Assert.Equal(nameof(ScreeningForm.Name), fields["child.name"].FieldName);
        Assert.Same(form.Household, fields["household.guardianship"].Model);
        Assert.Same(form.SchoolSurvey, fields["schoolSurvey.fiveClears.hobbies"].Model);
        Assert.Equal(nameof(SchoolSurveyInput.Hobbies), fields["schoolSurvey.fiveClears.hobbies"].FieldName);
        Assert.False(fields.ContainsKey("details"));
    }

    private static void AssertEveryPathHasItsField(object form, InputErrors errors, int atLeast)
    {
        Assert.True(errors.ByField.Count >= atLeast, "the bad input should break many rules: " + string.Join(", ", errors.ByField.Keys));
        var fields = FormErrors.FieldsOf(form);
        var unshown = errors.ByField.Keys.Where(path => !fields.ContainsKey(path)).ToList();
        Assert.True(unshown.Count == 0, "no field for: " + string.Join(", ", unshown));
    }
}
