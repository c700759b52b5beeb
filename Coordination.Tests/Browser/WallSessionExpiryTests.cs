using Coordination.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Browser;

/// <summary>
/// A wall left open for the whole of its device session: when the session ends, the open page turns into the
/// re-enrol notice by itself — never a sign-in form, which nobody in the meeting room would fill.
/// </summary>
public sealed class WallSessionExpiryTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    // The device's cookie carries its expiry to the browser, which drops a cookie already past it by the real clock:
    // the board's clock starts now and is moved from there.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private BoardApp _app = default!;

    public ValueTask InitializeAsync()
    {
        // A one-day device session, and open pages that check their session every second (a minute by default).
        _app = new BoardApp(_time, new Dictionary<string, string?>
        {
            ["Sessions:DisplayDays"] = "1",
            ["Sessions:RevalidateSeconds"] = "1",
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_open_wall_whose_device_session_ends_shows_the_re_enrol_notice_not_a_sign_in_form()
    {
        chromium.RequireBrowser();
        await using var context = await chromium.NewContextAsync(_app.Address);
        var wall = new WallPageObject(await context.NewPageAsync());
        await wall.EnrolAndOpenAsync("/wall?panel=map");
        await Expect(wall.Page.GetByTestId("wall")).ToBeVisibleAsync();
        await Expect(wall.Page.GetByTestId("wall-enrol-notice")).ToHaveCountAsync(0);

        // Just inside the session, the wall stays.
        _time.Advance(TimeSpan.FromHours(23));
        await Expect(wall.Page.GetByTestId("wall-connection")).ToHaveAttributeAsync("data-state", "live");
        await Expect(wall.Page.GetByTestId("wall")).ToBeVisibleAsync();

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));

        var notice = wall.Page.GetByTestId("wall-enrol-notice");
        await Expect(notice).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(notice).ToContainTextAsync(_app.Chinese("Wall.Enrol.Title"));
        await Expect(wall.Page.GetByTestId("wall")).ToHaveCountAsync(0);
        await Expect(wall.Page.Locator("[data-testid=login-email], input[type=password], form")).ToHaveCountAsync(0);
        Assert.StartsWith("/wall", new Uri(wall.Page.Url).AbsolutePath, StringComparison.Ordinal);
        await wall.Page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("wall-session-ended.png") });

        // Reloaded (a power cut in the room), it is the notice again, still no sign-in form.
        await wall.Page.ReloadAsync();
        await Expect(wall.Page.GetByTestId("wall-enrol-notice")).ToBeVisibleAsync();
        await Expect(wall.Page.Locator("[data-testid=login-email], input[type=password]")).ToHaveCountAsync(0);
    }
}
