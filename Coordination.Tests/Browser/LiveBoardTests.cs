using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Microsoft.Extensions.DependencyInjection;
using Coordination.Tests.Support;
using Microsoft.Playwright;

namespace Coordination.Tests.Browser;

/// <summary>Two liaisons of two agencies, each in their own browser, on one live board.</summary>
public sealed class LiveBoardTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_screening_recorded_in_one_browser_appears_on_another_agencys_board_without_reload()
    {
        chromium.RequireBrowser();
        await using var educationContext = await chromium.NewContextAsync(_app.Address);
        await using var federationContext = await chromium.NewContextAsync(_app.Address);
        var education = new BoardPageObject(await educationContext.NewPageAsync());
        var federation = new BoardPageObject(await federationContext.NewPageAsync());

        await federation.OpenAsync("/");
        await federation.WorkAsAsync("womens-federation");
        await education.OpenAsync("/screenings/new");
        await education.WorkAsAsync("education");

        var activeBefore = await federation.KpiAsync("kpi-active");
        var leftBehindBefore = await federation.KpiAsync("kpi-category-left-behind");
        var monthBefore = await federation.KpiAsync("kpi-screenings-month");
        var navigations = 0;
        federation.Page.FrameNavigated += (_, frame) => navigations += frame == federation.Page.MainFrame ? 1 : 0;

        var birth = new DateOnly(2014, 6, 1);
        await education.FillNewChildAsync("林晓雨", TestResidentIds.Unique(birth, Sex.F), "女", "2014-06-01", "诗山镇", "留守儿童");
        await education.TypeAsync("school-name", "诗山中心小学");
        await education.ChooseAsync("screening-risk", "高");
        await education.Page.ClickAsync("[data-testid=need-schooling]");
        await education.TypeAsync("screening-findings", "近期缺勤较多");
        await education.Page.ClickAsync("[data-testid=record-save]");
        var saved = await education.WaitForSavedAsync();
        var sequence = long.Parse((await saved!.GetAttributeAsync("data-sequence"))!, System.Globalization.CultureInfo.InvariantCulture);

        var item = await federation.WaitForFeedItemAsync(sequence);
        Assert.Contains("林*雨", await item!.InnerTextAsync(), StringComparison.Ordinal);
        await federation.WaitForKpiAsync("kpi-active", activeBefore + 1);
        await federation.WaitForKpiAsync("kpi-category-left-behind", leftBehindBefore + 1);
        await federation.WaitForKpiAsync("kpi-screenings-month", monthBefore + 1);
        var column = federation.Page.Locator("[data-testid=agency-column-education] [data-testid=agency-screening]").First;
        await Assertions.Expect(column).ToContainTextAsync("林*雨");
        await Assertions.Expect(column.Locator("[data-testid=risk]")).ToHaveAttributeAsync("data-risk", "high");
        Assert.Equal(0, navigations);
        Assert.DoesNotContain("林晓雨", await federation.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_event_leaves_a_scrolled_feed_where_the_liaison_left_it()
    {
        // The board's parts are shared HTML replaced whole on each snapshot; the scrolling boxes are the page's own
        // elements, so their scroll position survives an update.
        chromium.RequireBrowser();
        await using var demo = new BoardApp(demo: true);
        await using var context = await chromium.NewContextAsync(demo.Address);
        var federation = new BoardPageObject(await context.NewPageAsync());
        await federation.OpenAsync("/");
        await federation.WorkAsAsync("womens-federation");
        var feed = federation.Page.Locator("[data-testid=activity-feed]");
        Assert.True(await feed.EvaluateAsync<bool>("e => e.scrollHeight > e.clientHeight + 200"), "the demo feed should scroll");
        await feed.EvaluateAsync("e => e.scrollTop = 200");

        var screenings = demo.Services.GetRequiredService<ScreeningService>();
        var today = new BoardClock(TimeProvider.System, BoardClock.ChinaStandardTime).Today;
        var recorded = await screenings.RecordAsync(TestInputs.Health,
            TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild("滚动测试", serial: 901), today), TestContext.Current.CancellationToken);

        await federation.WaitForFeedItemAsync(recorded.Sequence);
        Assert.Equal(200, await feed.EvaluateAsync<double>("e => e.scrollTop"), 1.0);
    }

    [Fact]
    public async Task Bad_input_in_the_form_is_marked_at_the_field_and_nothing_is_saved()
    {
        chromium.RequireBrowser();
        await using var context = await chromium.NewContextAsync(_app.Address);
        var health = new BoardPageObject(await context.NewPageAsync());
        await health.OpenAsync("/screenings/new");
        await health.WorkAsAsync("health");
        var before = await _app.CountRowsAsync();

        var birth = new DateOnly(2016, 1, 5);
        await health.FillNewChildAsync("王小明", TestResidentIds.WithWrongCheck(TestResidentIds.Unique(birth, Sex.M)), "男", "2016-01-05", "东田镇", "困境儿童");
        await health.ChooseAsync("screening-risk", "低");
        await health.Page.ClickAsync("[data-testid=record-save]");

        await health.Page.WaitForSelectorAsync("[data-testid=record-invalid]", BoardPageObject.Visible);
        var field = health.Page.Locator(".mud-input-control").Filter(new() { Has = health.Page.Locator("[data-testid=child-resident-id]") });
        await Assertions.Expect(field).ToContainTextAsync("身份证号校验位不正确");
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_the_board_asks_for_a_sign_in_again()
    {
        chromium.RequireBrowser();
        await using var context = await chromium.NewContextAsync(_app.Address);
        var health = new BoardPageObject(await context.NewPageAsync());
        await health.OpenAsync("/");
        await health.WorkAsAsync("health");
        await Assertions.Expect(health.Page.Locator("[data-testid=signed-in-as]")).ToHaveAttributeAsync("data-agency", "health");

        await health.Page.ClickAsync("[data-testid=sign-out]");
        await health.Page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await health.OpenAsync("/children");

        Assert.Contains("/account/login", health.Page.Url, StringComparison.Ordinal);
        Assert.Empty(await health.Page.Locator("[data-testid=circuit-ready]").AllAsync());
    }
}
