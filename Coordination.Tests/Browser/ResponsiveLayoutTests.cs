using Coordination.Core.Access;
using Coordination.Tests.Support;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Coordination.Tests.Browser;

/// <summary>
/// On a phone (390×844) every control stays reachable: the navigation goes into a drawer with its full labels,
/// sign-out and the language switch stay on screen, and nothing sticks out past the screen's edge.
/// </summary>
public sealed class ResponsiveLayoutTests(Chromium chromium, BoardAppFixture fixture) : IClassFixture<Chromium>, IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;

    /// <summary>
    /// The visible elements whose box goes past the viewport's right edge, outside any box that scrolls or clips
    /// sideways on purpose (a wide table in its own scroll area is fine; the page itself must not scroll sideways).
    /// </summary>
    private const string Overflowing = """
        () => {
          const width = document.documentElement.clientWidth;
          const clipped = el => {
            for (let p = el.parentElement; p; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
            }
            return false;
          };
          const out = [];
          if (document.documentElement.scrollWidth > width + 1) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
            if (el.closest('.mud-popover:not(.mud-popover-open), .mud-drawer--closed')) continue; // a closed menu or drawer, parked out of sight
            if ((r.right > width + 1 || r.left < -1) && !clipped(el)) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
          }
          return out.slice(0, 10);
        }
        """;

    /// <summary>Wholly on screen (waits for a drawer's slide to end).</summary>
    private static Task AssertInsideAsync(IPage page, string testId) =>
        Assertions.Expect(page.Locator($"[data-testid={testId}]").First).ToBeInViewportAsync(new() { Ratio = 1 });

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task On_a_phone_sign_out_and_the_language_switch_are_reachable_and_nothing_overflows(string culture)
    {
        await using var context = await chromium.NewContextAsync(_app.Address, 390, 844);
        var page = await context.NewPageAsync();
        var board = new BoardPageObject(page);
        await page.GotoAsync($"/preferences/culture?culture={culture}&returnUrl=%2F");
        await board.OpenAsync("/");
        await board.WorkAsAsync("civil-affairs", Role.Lead);

        string[] paths = ["/", "/children", "/referrals", "/screenings/new", "/programmes", "/import"];
        foreach (var path in paths)
        {
            await board.OpenAsync(path);
            await Assertions.Expect(page.Locator("[data-testid=sign-out-icon]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=language]")).ToBeVisibleAsync();
            await AssertInsideAsync(page, "sign-out-icon");
            await AssertInsideAsync(page, "language");
            await AssertInsideAsync(page, "nav-drawer-toggle");
            Assert.Empty(await page.EvaluateAsync<string[]>(Overflowing));
            await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath($"phone-{culture}{path.Replace('/', '-')}.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task On_a_phone_the_drawer_shows_every_place_with_its_full_label_and_goes_there()
    {
        await using var context = await chromium.NewContextAsync(_app.Address, 390, 844);
        var page = await context.NewPageAsync();
        var board = new BoardPageObject(page);
        await page.GotoAsync("/preferences/culture?culture=zh-CN&returnUrl=%2F");
        await board.OpenAsync("/");
        await board.WorkAsAsync("health");
        await Assertions.Expect(page.Locator("[data-testid=nav-bar]")).ToBeHiddenAsync();

        await Assertions.Expect(page.Locator("[data-testid=drawer-nav-children]")).Not.ToBeInViewportAsync();
        await page.ClickAsync("[data-testid=nav-drawer-toggle]");
        var children = page.Locator("[data-testid=drawer-nav-children]");
        await Assertions.Expect(children).ToBeVisibleAsync();
        await Assertions.Expect(children).ToHaveTextAsync(_app.Chinese("Nav.Children"));
        await Assertions.Expect(page.Locator("[data-testid=drawer-nav-record]")).ToHaveTextAsync(_app.Chinese("Nav.RecordScreening"));
        await AssertInsideAsync(page, "drawer-nav-record");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("phone-drawer.png") });

        await children.ClickAsync();
        await page.WaitForURLAsync("**/children");
        // A closed drawer is parked beside the screen, out of sight.
        await Assertions.Expect(page.Locator("[data-testid=drawer-nav-children]")).Not.ToBeInViewportAsync();
    }

    [Fact]
    public async Task On_a_wide_screen_the_places_are_in_the_app_bar_and_the_full_title_shows()
    {
        await using var context = await chromium.NewContextAsync(_app.Address, 1920, 1080);
        var page = await context.NewPageAsync();
        var board = new BoardPageObject(page);
        await page.GotoAsync("/preferences/culture?culture=zh-CN&returnUrl=%2F");
        await board.OpenAsync("/");
        await board.WorkAsAsync("health");

        await Assertions.Expect(page.Locator("[data-testid=nav-children]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=app-title]")).ToHaveTextAsync(_app.Chinese("App.Title"));
        await Assertions.Expect(page.Locator("[data-testid=nav-drawer-toggle]")).ToBeHiddenAsync();
        // The places besides the main ones are under 更多, with their own names.
        await page.ClickAsync("[data-testid=nav-more]");
        await Assertions.Expect(page.Locator("[data-testid=nav-programmes]")).ToHaveTextAsync(_app.Chinese("Nav.Programmes"));
        await Assertions.Expect(page.Locator("[data-testid=nav-figures]")).ToHaveTextAsync(_app.Chinese("Nav.Figures"));
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    public async Task On_a_laptop_and_a_wide_screen_no_date_on_the_board_breaks_in_the_middle(int width, int height)
    {
        using (var civil = _app.Api("civil-affairs"))
        {
            // A long township name beside the date, so that the line has to wrap somewhere.
            using var created = await civil.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(kind: "household", township: "xuefeng-kaifaqu"), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }
        await using var context = await chromium.NewContextAsync(_app.Address, width, height);
        var page = await context.NewPageAsync();
        var board = new BoardPageObject(page);
        await page.GotoAsync("/preferences/culture?culture=zh-CN&returnUrl=%2F");
        await board.OpenAsync("/");
        await board.WorkAsAsync("health");
        await Assertions.Expect(page.Locator("[data-testid=agency-screening-date]").First).ToBeVisibleAsync();

        // A date that wraps is drawn as two line boxes.
        var broken = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[data-testid=agency-screening-date]')]
                .filter(el => el.getClientRects().length > 1).map(el => el.textContent)
            """);

        Assert.Empty(broken);
        Assert.True(await page.Locator("[data-testid=agency-screening-date]").CountAsync() > 0);
    }
}
