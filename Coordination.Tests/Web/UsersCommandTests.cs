using Coordination.Core.Access;
using Coordination.Tests.Support;
using Coordination.Web.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

/// <summary><c>users add</c>, run as the console runs it: the account it makes signs in through the real page; a weak password is refused at <c>--password</c>.</summary>
public sealed class UsersCommandTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(_app.Services, args, output);
        return (code, output.ToString());
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string NewEmail() => $"cli-{Guid.NewGuid():N}@education.test";

    private async Task<bool> ExistsAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email) is not null;
    }

    private async Task<bool> SignsInAsync(string email, string password)
    {
        using var browser = new HttpBrowser(_app.Address);
        var answer = await browser.SignInAsync(email, password);
        return answer.SignedIn && (await browser.GetAsync("/children")).Status == System.Net.HttpStatusCode.OK;
    }

    [Fact]
    public async Task Users_add_without_a_password_prints_a_generated_one_once_and_the_account_signs_in_with_it()
    {
        var email = NewEmail();

        var (code, output) = await RunAsync("users", "add", "--email", email, "--agency", "education", "--role", "liaison");

        Assert.Equal(0, code);
        Assert.Contains($"Created {email} (liaison, education).", output, StringComparison.Ordinal);
        const string Shown = "Password (shown once, give it to the person and ask them to keep it safe): ";
        var password = Assert.Single(Lines(output), l => l.StartsWith(Shown, StringComparison.Ordinal))[Shown.Length..];
        Assert.True(password.Length >= 12, password);
        Assert.True(await SignsInAsync(email, password));
        Assert.False(await SignsInAsync(email, password + "x"));
    }

    [Fact]
    public async Task Users_add_with_a_password_prints_no_password_and_the_account_signs_in_with_it()
    {
        var email = NewEmail();
        const string Password = "a long enough passphrase";

        var (code, output) = await RunAsync("users", "add", "--email", email, "--agency", "education", "--role", "lead", "--password", Password);

        Assert.Equal(0, code);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", output, StringComparison.Ordinal);
        Assert.True(await SignsInAsync(email, Password));
        var (_, list) = await RunAsync("users", "list");
        Assert.StartsWith($"{email}\teducation\tlead", Assert.Single(Lines(list), l => l.StartsWith(email, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    // Both from data/common-passwords.txt: one long enough for Identity's 12-character minimum, one not.
    [InlineData("iloveyou1314")]
    [InlineData("coordination")]
    [InlineData("qwertyuiop")]
    // The published demo password, and entries of the 49,000 from zxcvbn's list long enough to reach the check.
    [InlineData("board-demo-2026")]
    [InlineData("1qaz2wsx3edc")]
    public async Task Users_add_refuses_a_common_password_at_password_and_makes_no_account(string password)
    {
        var email = NewEmail();

        var (code, output) = await RunAsync("users", "add", "--email", email, "--agency", "education", "--role", "liaison", "--password", password);

        Assert.Equal(1, code);
        var line = Assert.Single(Lines(output));
        Assert.StartsWith("--password: ", line, StringComparison.Ordinal);
        Assert.Contains(_app.Chinese("Error.Password.Common"), line, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(email));
    }
}
