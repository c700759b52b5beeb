using Coordination.Core.Children;
using Coordination.Tests.Support;
using Microsoft.Playwright;

namespace Coordination.Tests.Browser;

/// <summary>Education finds a left-behind pupil at school; civil affairs sees the child arrive and opens the file.</summary>
public sealed class SchoolSurveyEndToEndTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_school_survey_registers_a_left_behind_child_that_civil_affairs_sees_live_and_finds_on_the_profile_timeline()
    {
        chromium.RequireBrowser();
        await using var educationContext = await chromium.NewContextAsync(_app.Address);
        await using var civilAffairsContext = await chromium.NewContextAsync(_app.Address);
        var education = new BoardPageObject(await educationContext.NewPageAsync());
        var civilAffairs = new BoardPageObject(await civilAffairsContext.NewPageAsync());

        await civilAffairs.OpenAsync("/");
        await civilAffairs.WorkAsAsync("civil-affairs");
        await education.OpenAsync("/screenings/new");
        await education.WorkAsAsync("education");
        var activeBefore = await civilAffairs.KpiAsync("kpi-active");

        var birth = new DateOnly(2015, 9, 12);
        await education.FillNewChildAsync("郑小雨", TestResidentIds.Unique(birth, Sex.F), "女", "2015-09-12", "诗山镇", "留守儿童");
        await education.Page.FillAsync("[data-testid=child-guardian-name]", "郑奶奶");
        await education.ChooseAsync("child-guardian-relation", "祖父母/外祖父母");
        await education.Page.FillAsync("[data-testid=child-guardian-phone]", "13912345678");
        await education.Page.FillAsync("[data-testid=child-parents-work-place]", "广东省深圳市");
        await Assertions.Expect(education.Page.Locator("[data-testid=kind-section]")).ToHaveAttributeAsync("data-kind", "school-survey");
        await education.TypeAsync("school-name", "诗山中心小学");
        await education.Page.FillAsync("[data-testid=school-grade]", "四年级");
        await education.Page.ClickAsync("[data-testid=school-attendance-concern]");
        await education.Page.FillAsync("[data-testid=school-attendance-note]", "本月缺勤 4 天");
        await education.ChooseAsync("screening-risk", "中");
        await education.Page.ClickAsync("[data-testid=need-schooling]");
        await education.Page.ClickAsync("[data-testid=record-save]");

        var saved = await education.WaitForSavedAsync();
        Assert.Equal("true", await saved!.GetAttributeAsync("data-registered"));
        var childId = Guid.Parse((await saved.GetAttributeAsync("data-child-id"))!);
        var sequence = long.Parse((await saved.GetAttributeAsync("data-sequence"))!, System.Globalization.CultureInfo.InvariantCulture);

        var item = await civilAffairs.WaitForFeedItemAsync(sequence);
        Assert.Contains("郑*雨", await item!.InnerTextAsync(), StringComparison.Ordinal);
        await civilAffairs.WaitForKpiAsync("kpi-active", activeBefore + 1);

        await civilAffairs.OpenAsync($"/children/{childId}");
        await civilAffairs.Page.WaitForSelectorAsync("[data-testid=child-profile]", BoardPageObject.Visible);
        var survey = civilAffairs.Page.Locator("[data-testid=timeline-screening][data-kind=school-survey]");
        await Assertions.Expect(survey).ToHaveCountAsync(1);
    }
}
