using Coordination.Core.Access;
using Coordination.Core.Audit;
using Coordination.Core.Data;
using Coordination.Tests.Support;
using Coordination.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

/// <summary>Signing in through the real sign-in page over HTTP: repeated wrong passwords lock the account, and every attempt is audited.</summary>
public sealed class SignInLockoutTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string WrongPassword = "not-the-password-at-all";

    /// <summary>A fresh account per test, so one test's failures never lock another's account.</summary>
    private async Task<string> NewAccountAsync()
    {
        var email = $"lockout-{Guid.NewGuid():N}@health.test";
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "health", Role.Liaison, null, null, BoardApp.Password);
        return email;
    }

    private async Task<List<string>> SignInAuditAsync(string email)
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.Who == email)
            .OrderBy(e => e.Id)
            // A refusal's reason, a success's role (each in its own column).
            .Select(e => e.Action + " " + (e.Fields ?? e.Role))
            .ToListAsync(Ct);
    }

    [Fact]
    public async Task A_refused_sign_in_does_not_send_the_typed_password_back_in_the_page()
    {
        var email = await NewAccountAsync();
        using var browser = new HttpBrowser(_app.Address);

        var answer = await browser.SignInAsync(email, WrongPassword);

        Assert.False(answer.SignedIn);
        Assert.NotNull(answer.Message);
        Assert.Contains(email, answer.Page, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, answer.Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_password_signs_in_through_the_page_and_is_audited()
    {
        var email = await NewAccountAsync();
        using var browser = new HttpBrowser(_app.Address);

        var answer = await browser.SignInAsync(email, BoardApp.Password);

        Assert.True(answer.SignedIn, $"{answer.Status}: {answer.Message}");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync("/children")).Status);
        Assert.Equal([$"{AuditActions.SignInSucceeded} liaison"], await SignInAuditAsync(email));
    }

    [Fact]
    public async Task Four_wrong_passwords_say_only_that_the_password_is_wrong_and_the_right_one_still_signs_in()
    {
        var email = await NewAccountAsync();
        using var browser = new HttpBrowser(_app.Address);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var refused = await browser.SignInAsync(email, WrongPassword);
            Assert.False(refused.SignedIn);
            Assert.Equal(_app.Chinese("Account.Failed"), refused.Message);
        }
        var answer = await browser.SignInAsync(email, BoardApp.Password);

        Assert.True(answer.SignedIn, $"{answer.Status}: {answer.Message}");
    }

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_is_refused_with_the_one_refusal_message()
    {
        var email = await NewAccountAsync();
        using var browser = new HttpBrowser(_app.Address);

        var answers = new List<SignInAnswer>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            answers.Add(await browser.SignInAsync(email, WrongPassword));
        }
        var right = await browser.SignInAsync(email, BoardApp.Password);

        Assert.All(answers.Take(4), a => Assert.Equal(_app.Chinese("Account.Failed"), a.Message));
        // Locked says what a wrong password says (an outsider learns nothing); the message mentions the lockout.
        Assert.Equal(_app.Chinese("Account.Failed"), answers[4].Message);
        Assert.False(right.SignedIn);
        Assert.Equal(_app.Chinese("Account.Failed"), right.Message);
        Assert.Contains("锁定", right.Message);
        Assert.Equal((System.Net.HttpStatusCode.Redirect, "/account/login"), await PageAsync(browser, "/children"));
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.FindByEmailAsync(email);
        Assert.True(await users.IsLockedOutAsync(account!));
    }

    [Fact]
    public async Task Every_refused_sign_in_is_audited_with_its_reason()
    {
        var email = await NewAccountAsync();
        using var browser = new HttpBrowser(_app.Address);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.SignInAsync(email, WrongPassword);
        }
        await browser.SignInAsync(email, BoardApp.Password);

        Assert.Equal(
            [
                "sign-in.failed wrong-password",
                "sign-in.failed wrong-password",
                "sign-in.failed wrong-password",
                "sign-in.failed wrong-password",
                "sign-in.failed locked-out",
                "sign-in.failed locked-out",
            ],
            await SignInAuditAsync(email));
    }

    [Fact]
    public async Task An_unknown_account_is_refused_like_a_wrong_password_and_audited_as_unknown()
    {
        var email = $"nobody-{Guid.NewGuid():N}@health.test";
        using var browser = new HttpBrowser(_app.Address);

        var answer = await browser.SignInAsync(email, BoardApp.Password);

        Assert.False(answer.SignedIn);
        Assert.Equal(_app.Chinese("Account.Failed"), answer.Message);
        Assert.Equal(["sign-in.failed unknown-account"], await SignInAuditAsync(email));
    }

    [Fact]
    public async Task The_right_password_signs_in_again_once_the_lockout_has_ended()
    {
        var email = await NewAccountAsync();
        using var browser = new HttpBrowser(_app.Address);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.SignInAsync(email, WrongPassword);
        }
        Assert.False((await browser.SignInAsync(email, BoardApp.Password)).SignedIn);

        // Identity's UserManager reads the wall clock (DateTimeOffset.UtcNow), not the app's TimeProvider, so a
        // fake clock cannot end the lockout: its end is moved into the past instead, as 15 minutes passing would.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = await users.FindByEmailAsync(email);
            Assert.True(account!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), "locked for the configured 15 minutes");
            Assert.True((await users.SetLockoutEndDateAsync(account, DateTimeOffset.UtcNow.AddSeconds(-1))).Succeeded);
        }
        var answer = await browser.SignInAsync(email, BoardApp.Password);

        Assert.True(answer.SignedIn, $"{answer.Status}: {answer.Message}");
        Assert.Equal((System.Net.HttpStatusCode.OK, (string?)null), await PageAsync(browser, "/children"));
        Assert.Equal("sign-in.succeeded liaison", (await SignInAuditAsync(email))[^1]);
    }

    private async Task<(System.Net.HttpStatusCode, string?)> PageAsync(HttpBrowser browser, string path)
    {
        var (status, location) = await browser.GetAsync(path);
        return (status, location is null ? null : new Uri(_app.Address, location).AbsolutePath);
    }
}
