using Coordination.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Browser;

/// <summary><c>?rotate=</c>, <c>?panel=</c> and <c>?layout=</c> on the open wall, and bad values that fall back to the defaults.</summary>
public sealed class WallOptionsBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Rotate_moves_the_stage_from_panel_to_panel_after_the_dwell_time_and_a_fixed_panel_or_the_all_layout_stays()
    {
        chromium.RequireBrowser();
        await using var context = await chromium.NewContextAsync(_app.Address);
        var wall = new WallPageObject(await context.NewPageAsync());
        await wall.EnrolAndOpenAsync("/wall?rotate=5");
        var root = wall.Page.GetByTestId("wall");
        await Expect(root).ToHaveAttributeAsync("data-rotate", "5");
        await Expect(root).ToHaveAttributeAsync("data-panel", "map");
        await Expect(wall.Page.GetByTestId("wall-panel-map")).ToBeVisibleAsync();
        await Expect(root).ToHaveAttributeAsync("data-panel", "referrals", new() { Timeout = 15_000 });
        await Expect(wall.Page.GetByTestId("wall-panel-referrals")).ToBeVisibleAsync();
        await Expect(wall.Page.GetByTestId("wall-panel-map")).ToHaveCountAsync(0);
        await Expect(root).ToHaveAttributeAsync("data-panel", "programmes", new() { Timeout = 15_000 });

        await wall.OpenAsync("/wall?panel=referrals&rotate=5");
        await Expect(root).ToHaveAttributeAsync("data-panel", "referrals");
        await Expect(root).ToHaveAttributeAsync("data-rotate", "0");
        await wall.OpenAsync("/wall?layout=all");
        await Expect(root).ToHaveAttributeAsync("data-layout", "all");
        foreach (var panel in new[] { "map", "referrals", "programmes" })
        {
            await Expect(wall.Page.GetByTestId("wall-panel-" + panel)).ToBeVisibleAsync();
        }
    }

    [Theory]
    [InlineData("/wall?rotate=abc&panel=nope&layout=sideways")]
    [InlineData("/wall?rotate=-5&panel=&layout=")]
    [InlineData("/wall?rotate=100000000000000000000&panel=%3Cscript%3E")]
    [InlineData("/wall?rotate=2")]
    public async Task Bad_values_fall_back_to_the_rotating_default_with_no_error(string path)
    {
        chromium.RequireBrowser();
        await using var context = await chromium.NewContextAsync(_app.Address);
        var wall = new WallPageObject(await context.NewPageAsync());
        await wall.EnrolAndOpenAsync(path);
        var root = wall.Page.GetByTestId("wall");
        await Expect(root).ToHaveAttributeAsync("data-layout", "stage");
        await Expect(root).ToHaveAttributeAsync("data-panel", "map");
        await Expect(root).ToHaveAttributeAsync("data-rotate", "20");
        await Expect(wall.Page.GetByTestId("wall-panel-map")).ToBeVisibleAsync();
    }
}
