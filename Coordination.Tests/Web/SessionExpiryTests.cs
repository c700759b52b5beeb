using System.Net;
using Coordination.Core.Access;
using Coordination.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Web;

/// <summary>
/// A sign-in ends after 30 minutes without a request and after 10 hours in any case; a wall display's device
/// session does neither. The app runs on a clock the test moves; the browser is plain HTTP with a cookie jar.
/// </summary>
public sealed class SessionExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private BoardApp _app = null!;
    private HttpBrowser _browser = null!;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp(_time);
        _browser = new HttpBrowser(_app.Address);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
    }

    private async Task SignInAsync(Role role, string page)
    {
        var answer = await _browser.SignInAsync(BoardApp.EmailOf("health", role), BoardApp.Password);
        Assert.True(answer.SignedIn, $"{answer.Status}: {answer.Message}");
        Assert.Equal((HttpStatusCode.OK, null), await OpenAsync(page));
    }

    /// <summary>The page's status, and where the board sends the browser instead (its path), if anywhere.</summary>
    private async Task<(HttpStatusCode Status, string? To)> OpenAsync(string path)
    {
        var (status, location) = await _browser.GetAsync(path);
        return (status, location is null ? null : new Uri(_app.Address, location).AbsolutePath);
    }

    private static readonly (HttpStatusCode, string?) SentToSignIn = (HttpStatusCode.Redirect, "/account/login");

    [Fact]
    public async Task Without_a_sign_in_a_page_sends_the_browser_to_the_sign_in_page()
    {
        Assert.Equal(SentToSignIn, await OpenAsync("/children"));
    }

    [Fact]
    public async Task A_sign_in_left_idle_for_31_minutes_sends_the_next_request_to_the_sign_in_page()
    {
        await SignInAsync(Role.Liaison, "/children");

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal((HttpStatusCode.OK, null), await OpenAsync("/children"));
        // The request at 29 minutes renewed the session; 31 idle minutes after it, it is over.
        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(SentToSignIn, await OpenAsync("/children"));
    }

    [Fact]
    public async Task A_request_every_20_minutes_keeps_the_sign_in_until_10_hours_have_passed()
    {
        await SignInAsync(Role.Liaison, "/children");

        for (var minutes = 20; minutes <= 10 * 60; minutes += 20)
        {
            _time.Advance(TimeSpan.FromMinutes(20));
            Assert.True((HttpStatusCode.OK, null) == await OpenAsync("/children"), $"still signed in after {minutes} minutes");
        }
        _time.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(SentToSignIn, await OpenAsync("/children"));
    }

    [Fact]
    public async Task A_wall_display_stays_signed_in_after_31_idle_minutes_and_past_10_hours()
    {
        await SignInAsync(Role.Display, "/");

        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal((HttpStatusCode.OK, null), await OpenAsync("/"));
        _time.Advance(TimeSpan.FromHours(11));

        Assert.Equal((HttpStatusCode.OK, null), await OpenAsync("/"));
    }
}
