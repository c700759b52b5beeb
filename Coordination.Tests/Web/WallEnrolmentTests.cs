using System.Net;
using Coordination.Core.Access;
using Coordination.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Web;

/// <summary>
/// A wall display is enrolled once (its display account signs in on the device) and keeps its session for
/// Sessions:DisplayDays. When that ends, or before it ever began, the wall shows a full-screen notice that says
/// how to enrol the device again — never a sign-in form nobody in the room will fill.
/// </summary>
public sealed class WallEnrolmentTests : IAsyncLifetime
{
    // The device's cookie carries its expiry to the browser, which drops a cookie already past it by the real clock:
    // the board's clock starts now and is moved from there.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private BoardApp _app = null!;
    private HttpBrowser _browser = null!;

    public ValueTask InitializeAsync()
    {
        // A one-day device session here (90 days by default): the clock is moved, and moving it by months costs minutes.
        _app = new BoardApp(_time, new Dictionary<string, string?> { ["Sessions:DisplayDays"] = "1" });
        _browser = new HttpBrowser(_app.Address);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
    }

    private async Task SignInAsync(Role role)
    {
        var answer = await _browser.SignInAsync(BoardApp.EmailOf("civil-affairs", role), BoardApp.Password);
        Assert.True(answer.SignedIn, $"{answer.Status}: {answer.Message}");
    }

    private async Task<string> WallAsync(string path = "/wall")
    {
        var (status, location) = await _browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(location);
        return await _browser.Http.GetStringAsync(path, TestContext.Current.CancellationToken);
    }

    private static void AssertNotice(string html)
    {
        Assert.Contains("data-testid=\"wall-enrol-notice\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"wall\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("login-email", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_device_never_enrolled_gets_the_notice_and_no_figures()
    {
        var html = await WallAsync("/wall?panel=referrals");
        AssertNotice(html);
        Assert.DoesNotContain("wall-totals", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enrolled_device_shows_the_wall_until_its_session_ends_and_then_the_notice()
    {
        await SignInAsync(Role.Display);
        var html = await WallAsync();
        Assert.Contains("data-testid=\"wall\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("wall-enrol-notice", html, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        html = await WallAsync();
        AssertNotice(html);
        Assert.DoesNotContain("wall-totals", html, StringComparison.Ordinal);
        Assert.Contains(_app.Chinese("Wall.Enrol.Ended"), System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_township_account_may_not_show_the_city_wall()
    {
        await SignInAsync(Role.Township);
        var html = await WallAsync();
        AssertNotice(html);
        Assert.Contains(_app.Chinese("Wall.Enrol.NotAllowed"), System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
