using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Coordination.Core.Access;
using Coordination.Core.Audit;
using Coordination.Core.Data;
using Coordination.Tests.Support;
using Coordination.Web.Accounts;
using Coordination.Web.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

/// <summary>
/// Access can be taken away: signing out, disabling an account, resetting its password and ending its sessions each
/// stop a cookie that worked a moment before, through the real sign-in page and the CLI; every refusal of a sign-in
/// says the same thing in about the same time.
/// </summary>
public sealed partial class AccountAccessTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewAccountAsync(Role role = Role.Liaison)
    {
        var email = $"access-{Guid.NewGuid():N}@health.test";
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "health", role, null, null, BoardApp.Password);
        return email;
    }

    private async Task<(int Code, string Output)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(_app.Services, args, output, Ct);
        return (code, output.ToString());
    }

    private async Task<(HttpBrowser Browser, string Cookie)> SignedInAsync(string email, string password = BoardApp.Password, string? page = "/children")
    {
        var browser = new HttpBrowser(_app.Address);
        var answer = await browser.SignInAsync(email, password);
        Assert.True(answer.SignedIn, $"{answer.Status}: {answer.Message}");
        if (page is not null)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).Status);
        }
        return (browser, Assert.Single(browser.Cookies.GetAllCookies(), c => c.Name == "coord.session").Value);
    }

    /// <summary>A copy of the cookie, sent from elsewhere: what an attacker who took it would get.</summary>
    private async Task<HttpStatusCode> WithCookieAsync(string cookie, string path = "/children")
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _app.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "coord.session=" + cookie);
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private async Task<List<string>> AuditAsync(string email)
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == email).OrderBy(e => e.Id).Select(e => e.Who + " " + e.Action).ToListAsync(Ct);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copy_of_the_cookie_no_longer_works()
    {
        var (browser, cookie) = await SignedInAsync(await NewAccountAsync());
        using var _ = browser;
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(cookie));

        var page = await browser.Http.GetStringAsync("/", Ct);
        var token = Assert.Single(LogoutToken().Matches(page)).Groups["token"].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) });
        using var signedOut = await browser.Http.PostAsync("/account/logout", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(cookie));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_refuses_its_sign_in_like_a_wrong_password_and_enabling_gives_it_back()
    {
        var email = await NewAccountAsync();
        var (browser, cookie) = await SignedInAsync(email);
        using var _ = browser;

        var (code, output) = await CliAsync("users", "disable", "--email", email);

        Assert.Equal(0, code);
        Assert.Contains(email, output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(cookie));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/children")).Status);
        using var again = new HttpBrowser(_app.Address);
        var refused = await again.SignInAsync(email, BoardApp.Password);
        Assert.False(refused.SignedIn);
        Assert.Equal(_app.Chinese("Account.Failed"), refused.Message);
        Assert.Contains($"{email}\thealth\tliaison\t\tdisabled", (await CliAsync("users", "list")).Output, StringComparison.Ordinal);

        Assert.Equal(0, (await CliAsync("users", "enable", "--email", email)).Code);
        var (back, _) = await SignedInAsync(email);
        back.Dispose();
        Assert.Equal(["cli account.disabled", "cli account.enabled"], await AuditAsync(email));
    }

    [Fact]
    public async Task Resetting_a_password_ends_the_sessions_and_only_the_new_password_signs_in()
    {
        var email = await NewAccountAsync();
        var (browser, cookie) = await SignedInAsync(email);
        browser.Dispose();

        var (code, output) = await CliAsync("users", "reset", "--email", email);

        Assert.Equal(0, code);
        const string Shown = "Password (shown once, give it to the person and ask them to keep it safe): ";
        var password = Assert.Single(output.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith(Shown, StringComparison.Ordinal))[Shown.Length..];
        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(cookie));
        using var old = new HttpBrowser(_app.Address);
        Assert.False((await old.SignInAsync(email, BoardApp.Password)).SignedIn);
        var (fresh, _) = await SignedInAsync(email, password);
        fresh.Dispose();
        Assert.Equal(["cli account.password-reset"], await AuditAsync(email));
    }

    [Fact]
    public async Task Ending_the_sessions_of_an_account_signs_out_every_browser_but_the_password_still_works()
    {
        var email = await NewAccountAsync();
        var (first, one) = await SignedInAsync(email);
        var (second, two) = await SignedInAsync(email);
        first.Dispose();
        second.Dispose();

        Assert.Equal(0, (await CliAsync("users", "end-sessions", "--email", email)).Code);

        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(one));
        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(two));
        var (again, _) = await SignedInAsync(email);
        again.Dispose();
    }

    [Theory]
    [InlineData(Role.Lead)]
    [InlineData(Role.Liaison)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Township)]
    [InlineData(Role.Display)]
    public async Task Only_an_administrator_may_take_access_away(Role role)
    {
        var email = await NewAccountAsync();
        var caller = new Coordination.Core.Actor("civil-affairs", "someone", role, role == Role.Township ? BoardApp.TestTownship : null);
        await using var scope = _app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => accounts.DisableAsync(caller, email));
        await Assert.ThrowsAsync<ForbiddenException>(() => accounts.ResetPasswordAsync(caller, email));
        await Assert.ThrowsAsync<ForbiddenException>(() => accounts.EndSessionsAsync(caller, email));
        await Assert.ThrowsAsync<ForbiddenException>(() => accounts.ListAsync(caller));

        var (browser, _) = await SignedInAsync(BoardApp.EmailOf("health", role), page: null);
        using var __ = browser;
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/admin/accounts")).Status);
        Assert.Empty(await AuditAsync(email));
    }

    [Fact]
    public async Task The_administrator_accounts_page_lists_every_account_with_its_state()
    {
        var email = await NewAccountAsync();
        Assert.Equal(0, (await CliAsync("users", "disable", "--email", email)).Code);
        var (browser, _) = await SignedInAsync(BoardApp.EmailOf("civil-affairs", Role.Admin), page: "/admin/accounts");
        using var __ = browser;

        var page = await browser.Http.GetStringAsync("/admin/accounts", Ct);

        Assert.Contains($"data-email=\"{email}\" data-state=\"disabled\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-email=\"{BoardApp.EmailOf("health")}\" data-state=\"active\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_account_a_wrong_password_a_locked_and_a_disabled_account_get_the_same_message()
    {
        var locked = await NewAccountAsync();
        var disabled = await NewAccountAsync();
        var wrong = await NewAccountAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        Assert.Equal(0, (await CliAsync("users", "disable", "--email", disabled)).Code);

        var messages = new List<string?>();
        foreach (var (email, password) in new[] { ($"nobody-{Guid.NewGuid():N}@health.test", BoardApp.Password), (wrong, "not the password at all"), (locked, BoardApp.Password), (disabled, BoardApp.Password) })
        {
            using var browser = new HttpBrowser(_app.Address);
            var answer = await browser.SignInAsync(email, password);
            Assert.False(answer.SignedIn, email);
            messages.Add(answer.Message);
        }

        Assert.All(messages, m => Assert.Equal(_app.Chinese("Account.Failed"), m));
    }

    [Fact]
    public async Task Refusing_an_unknown_locked_or_disabled_account_takes_about_as_long_as_a_wrong_password()
    {
        var wrong = await NewAccountAsync();
        var locked = await NewAccountAsync();
        var disabled = await NewAccountAsync();
        Assert.Equal(0, (await CliAsync("users", "disable", "--email", disabled)).Code);
        var times = new Dictionary<string, List<double>> { ["unknown"] = [], ["wrong"] = [], ["locked"] = [], ["disabled"] = [] };

        for (var round = 0; round < 7; round++)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            await users.ResetAccessFailedCountAsync((await users.FindByEmailAsync(wrong))!);
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.UtcNow.AddMinutes(15));
            var signIn = scope.ServiceProvider.GetRequiredService<SignIn>();
            foreach (var (kind, email) in new[] { ("unknown", $"nobody-{round}@health.test"), ("wrong", wrong), ("locked", locked), ("disabled", disabled) })
            {
                var clock = Stopwatch.StartNew();
                var outcome = await signIn.PasswordAsync(email, "not the password at all", "tests");
                times[kind].Add(clock.Elapsed.TotalMilliseconds);
                Assert.Equal(SignIn.Outcome.Failed, outcome);
            }
        }

        var median = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        var summary = string.Join(", ", median.Select(m => $"{m.Key} {m.Value:0.0} ms"));
        foreach (var kind in new[] { "unknown", "locked", "disabled" })
        {
            // The password hash dominates a wrong password's time; every other refusal must pay it too.
            Assert.True(median[kind] >= median["wrong"] * 0.5, summary);
            Assert.True(median[kind] <= median["wrong"] * 2, summary);
        }
    }

    [GeneratedRegex("""action="/account/logout"[^>]*>\s*<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<token>[^"]+)""")]
    private static partial Regex LogoutToken();
}
