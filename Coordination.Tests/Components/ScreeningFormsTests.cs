using Bunit;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Tests.Components;

/// <summary>Each agency's own form: it saves what the agency records, and refuses bad input at the field, writing nothing.</summary>
public sealed class ScreeningFormsTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly DateOnly Birth = new(2015, 6, 1);

    private static RecordScreeningDriver StartNewChild(ComponentContext ctx, string agency, string category = "留守儿童", string risk = "中")
    {
        var form = new RecordScreeningDriver(ctx, agency);
        form.NewChild("陈小明", TestResidentIds.For(Birth, Sex.M), TestInputs.Township, category);
        form.Choose("screening-risk", risk);
        return form;
    }

    private static async Task<T> OnlyScreeningAsync<T>(ComponentContext ctx) where T : Screening
    {
        await using var db = ctx.Database.CreateDbContext();
        return await db.Screenings.OfType<T>().SingleAsync(Ct);
    }

    [Fact]
    public async Task The_form_opens_on_the_acting_agencys_own_kind_and_offers_no_other()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "womens-federation");

        Assert.Equal("psychological", form.Field("kind-section").GetAttribute("data-kind"));
        Assert.NotEmpty(form.Page.FindAll("[data-testid=psych-score]"));
        Assert.Empty(form.Page.FindAll("[data-testid=school-name]"));
        Assert.Contains("心理筛查", form.TextAt("screening-kind"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Household_screening_saves_guardianship_living_conditions_and_confirmed_categories()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = StartNewChild(ctx, "civil-affairs");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Choose("household-guardianship", "监护薄弱");
        form.Choose("household-living", "一般");
        form.Tick("household-category-de-facto-unsupported");
        form.Tick("household-living-guarantee");
        form.Save();

        form.WaitForSaved();
        var after = await ctx.Database.CountRowsAsync(Ct);
        Assert.Equal(before.Screenings + 1, after.Screenings);
        Assert.Equal(before.Children + 1, after.Children);
        var saved = await OnlyScreeningAsync<HouseholdScreening>(ctx);
        Assert.Equal(GuardianshipSituation.Weak, saved.Guardianship);
        Assert.Equal(LivingConditions.Fair, saved.LivingConditions);
        Assert.Equal([ChildCategory.DeFactoUnsupported], saved.Confirmed);
        Assert.True(saved.EligibleForLivingGuarantee);
    }

    [Fact]
    public async Task Household_screening_without_guardianship_is_refused_at_the_field_and_writes_nothing()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = StartNewChild(ctx, "civil-affairs");
        form.Choose("household-living", "较差");
        form.Tick("household-living-guarantee");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();

        form.WaitForRefusal();
        Assert.Contains("请选择监护状况。", form.TextAt("household-guardianship"), StringComparison.Ordinal);
        Assert.Contains("符合生活保障须先确认为事实无人抚养儿童。", form.Field("household-living-guarantee-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(form.Page.FindAll("[data-testid=record-saved]"));
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task Psychological_screening_shows_the_band_as_the_score_is_typed_and_saves_score_flags_and_counselling()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = StartNewChild(ctx, "womens-federation");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Field("psych-score").Input("35");
        form.Page.WaitForAssertion(() => Assert.Equal("normal", form.Field("psych-band").GetAttribute("data-band")));
        form.Field("psych-score").Input("65");
        form.Page.WaitForAssertion(() => Assert.Contains("预警（60–79）", form.Field("psych-band").TextContent, StringComparison.Ordinal));
        Assert.True(form.Field("psych-group-counselling").HasAttribute("checked"), "the warning band recommends group counselling");
        form.Tick("psych-flag-loneliness");
        form.Tick("psych-flag-anxiety");
        form.Save();

        form.WaitForSaved();
        Assert.Equal(before.Screenings + 1, (await ctx.Database.CountRowsAsync(Ct)).Screenings);
        var saved = await OnlyScreeningAsync<PsychologicalScreening>(ctx);
        Assert.Equal(65, saved.Score);
        Assert.Equal(PsychologicalFlag.Loneliness | PsychologicalFlag.Anxiety, saved.Flags);
        Assert.True(saved.GroupCounselling);
    }

    [Fact]
    public async Task Psychological_score_of_150_is_refused_at_the_score_and_writes_nothing()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = StartNewChild(ctx, "womens-federation");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Type("psych-score", "150");
        Assert.Empty(form.Page.FindAll("[data-testid=psych-band]"));
        form.Save();

        form.WaitForRefusal();
        Assert.Contains("得分须在 0 到 100 之间。", form.TextAt("psych-score"), StringComparison.Ordinal);
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task Health_check_saves_height_weight_illness_and_the_green_channel()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = StartNewChild(ctx, "health");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Type("health-height", "132.5");
        form.Type("health-weight", "28");
        form.Type("health-chronic-illness", "哮喘");
        form.Tick("health-green-channel");
        form.Save();

        form.WaitForSaved();
        Assert.Equal(before.Screenings + 1, (await ctx.Database.CountRowsAsync(Ct)).Screenings);
        var saved = await OnlyScreeningAsync<HealthCheckScreening>(ctx);
        Assert.Equal(132.5m, saved.HeightCm);
        Assert.Equal(28m, saved.WeightKg);
        Assert.Equal("哮喘", saved.ChronicIllness);
        Assert.Null(saved.Disability);
        Assert.True(saved.GreenChannelEligible);
    }

    [Fact]
    public async Task Health_check_with_a_height_of_500_is_refused_at_the_height_and_writes_nothing()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = StartNewChild(ctx, "health");
        form.Type("health-height", "500");
        form.Tick("health-green-channel");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();

        form.WaitForRefusal();
        Assert.Contains("身高须在 30 到 230 厘米之间。", form.TextAt("health-height"), StringComparison.Ordinal);
        Assert.Contains("符合绿色通道须注明慢性病或残疾情况。", form.Field("health-green-channel-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task A_weight_that_is_not_a_number_is_refused_rather_than_saved_as_the_last_good_one()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = StartNewChild(ctx, "health");
        form.Type("health-weight", "28");
        form.Type("health-weight", "28公斤");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();

        form.WaitForRefusal();
        Assert.Contains("不是有效的数字。", form.TextAt("health-weight"), StringComparison.Ordinal);
        Assert.DoesNotContain("Not a valid", form.Page.Markup, StringComparison.Ordinal);
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task School_survey_saves_school_five_clears_and_card_and_puts_the_school_on_the_childs_record()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = StartNewChild(ctx, "education");
        Assert.Empty(form.Page.FindAll("[data-testid=child-school]"));
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Type("school-name", "溪美中心小学");
        form.Type("school-grade", "四年级");
        form.Type("school-basic-facts", "父母在外务工，随祖父母生活");
        form.Type("school-personality", "内向");
        form.Type("school-hobbies", "画画");
        form.Type("school-health", "良好");
        form.Type("school-guardian-contact", "祖母 13800000000");
        form.Tick("school-contact-card");
        form.Tick("school-attendance-concern");
        form.Type("school-attendance-note", "本月缺勤 4 天");
        form.Save();

        var saved = form.WaitForSaved();
        Assert.Equal(before.Screenings + 1, (await ctx.Database.CountRowsAsync(Ct)).Screenings);
        var survey = await OnlyScreeningAsync<SchoolSurveyScreening>(ctx);
        Assert.Equal("溪美中心小学", survey.School);
        Assert.Equal("四年级", survey.Grade);
        Assert.True(survey.FiveClears.IsComplete);
        Assert.True(survey.ContactCardIssued);
        Assert.True(survey.AttendanceConcern);
        Assert.Equal("本月缺勤 4 天", survey.AttendanceNote);
        await using var db = ctx.Database.CreateDbContext();
        var child = await db.Children.SingleAsync(c => c.Id == Guid.Parse(saved.GetAttribute("data-child-id")!), Ct);
        Assert.Equal("溪美中心小学", child.School);
        Assert.Equal("四年级", child.Grade);
    }

    [Fact]
    public async Task School_survey_without_a_school_is_refused_at_the_school_and_writes_nothing()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = StartNewChild(ctx, "education");
        form.Type("school-grade", "四年级");
        form.Tick("school-contact-card");
        form.Tick("school-attendance-concern");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();

        form.WaitForRefusal();
        Assert.Contains("请填写学校。", form.TextAt("school-name"), StringComparison.Ordinal);
        Assert.Contains("“五个清楚”全部填写后才能发放家校联系卡。", form.Field("school-contact-card-error").TextContent, StringComparison.Ordinal);
        Assert.Contains("有出勤问题时请说明情况。", form.TextAt("school-attendance-note"), StringComparison.Ordinal);
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task The_form_speaks_English_when_chosen()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.UseCulture("en-US");
        var form = StartNewChild(ctx, "womens-federation", "Left-behind", "medium");

        form.Type("psych-score", "150");
        form.Save();

        form.WaitForRefusal();
        Assert.Contains("Findings of the psychological screening", form.Page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("得分", form.TextAt("psych-score"), StringComparison.Ordinal);
        Assert.DoesNotContain("心理筛查", form.Page.Markup, StringComparison.Ordinal);
    }
}
