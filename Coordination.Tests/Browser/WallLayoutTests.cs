using Coordination.Tests.Support;

namespace Coordination.Tests.Browser;

/// <summary>
/// The wall on a 1920×1080 and a 3840×2160 screen, rotating and with every panel at once, filled with the demo
/// register: no scrollbar, every element inside the screen, no text out of its box (measured through the
/// element boxes). Screenshots are kept under <c>screenshots/</c> beside the test binaries.
/// </summary>
public sealed class WallLayoutTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp(demo: true);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public static TheoryData<int, int, string> Screens => new()
    {
        { 1920, 1080, "panel=map" },
        { 1920, 1080, "panel=referrals" },
        { 1920, 1080, "panel=programmes" },
        { 1920, 1080, "layout=all" },
        { 3840, 2160, "panel=map" },
        { 3840, 2160, "panel=referrals" },
        { 3840, 2160, "panel=programmes" },
        { 3840, 2160, "layout=all" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Every_panel_fits_the_screen_with_no_scrollbar_and_no_text_out_of_its_box(int width, int height, string query)
    {
        chromium.RequireBrowser();
        await using var context = await chromium.NewContextAsync(_app.Address, width, height);
        var wall = new WallPageObject(await context.NewPageAsync());
        await wall.EnrolAndOpenAsync("/wall?" + query);
        await wall.Page.EvaluateAsync("() => document.fonts.ready");

        var shown = query.StartsWith("layout", StringComparison.Ordinal) ? new[] { "map", "referrals", "programmes" } : [query["panel=".Length..]];
        foreach (var panel in shown)
        {
            Assert.True(await wall.Page.IsVisibleAsync($"[data-testid=wall-panel-{panel}]"), panel);
        }
        Assert.True(await wall.Page.IsVisibleAsync("[data-testid=wall-totals]"));
        Assert.True(await wall.Page.IsVisibleAsync("[data-testid=wall-feed]"));
        Assert.True(await wall.Page.IsVisibleAsync("[data-testid=wall-quarter]"));
        Assert.Equal(27, await wall.Page.Locator("[data-testid^=wall-area-]").Filter(new() { Has = wall.Page.Locator("[data-testid=wall-area-children]") }).CountAsync() is var n && shown.Contains("map") ? n : 27);

        await wall.Page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath($"wall-{width}x{height}-{query.Replace('=', '-')}.png") });
        var problems = await wall.LayoutProblemsAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
