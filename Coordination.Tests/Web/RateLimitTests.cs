using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Core.Access;
using Coordination.Core.Data;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

/// <summary>
/// Sign-in and the API answer 429 past their limits (set low here through <c>RateLimits:*</c>), and use below the
/// limits is unaffected. Each test has its own app: the limits count per app.
/// </summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BoardApp AppWith(int perAddress = 1000, int perAccount = 1000, int api = 1000) => new(new Dictionary<string, string?>
    {
        ["RateLimits:SignInPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:SignInPerAccount"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:ApiPerCaller"] = api.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:WindowSeconds"] = "3600",
    });

    private static async Task<int> SignInAuditCountAsync(BoardApp app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.CountAsync(e => e.Action.StartsWith("sign-in"), Ct);
    }

    [Fact]
    public async Task Sign_in_past_the_per_account_limit_answers_429_with_the_Chinese_message_and_writes_nothing()
    {
        await using var app = AppWith(perAccount: 3);
        var email = BoardApp.EmailOf("health");

        using (var first = new HttpBrowser(app.Address))
        {
            Assert.True((await first.SignInAsync(email, BoardApp.Password)).SignedIn);
        }
        for (var i = 0; i < 2; i++)
        {
            using var browser = new HttpBrowser(app.Address);
            var wrong = await browser.SignInAsync(email, "not-the-password-at-all");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, wrong.Status);
        }
        var audited = await SignInAuditCountAsync(app);

        using var late = new HttpBrowser(app.Address);
        var refused = await late.SignInAsync(email, BoardApp.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(app.Chinese("Account.RateLimited"), refused.Message);
        Assert.Equal(audited, await SignInAuditCountAsync(app));
        // Another account from the same address is not held back by this one's limit.
        using var other = new HttpBrowser(app.Address);
        Assert.True((await other.SignInAsync(BoardApp.EmailOf("education"), BoardApp.Password)).SignedIn);
    }

    [Fact]
    public async Task Sign_in_past_the_per_address_limit_answers_429_whatever_account_is_typed()
    {
        await using var app = AppWith(perAddress: 4);
        var agencies = new[] { "health", "education", "civil-affairs", "womens-federation" };
        foreach (var agency in agencies)
        {
            using var browser = new HttpBrowser(app.Address);
            Assert.True((await browser.SignInAsync(BoardApp.EmailOf(agency), BoardApp.Password)).SignedIn);
        }

        using var late = new HttpBrowser(app.Address);
        var refused = await late.SignInAsync(BoardApp.EmailOf("health", Role.Viewer), BoardApp.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(app.Chinese("Account.RateLimited"), refused.Message);
    }

    [Fact]
    public async Task The_api_answers_429_as_a_problem_detail_past_the_per_caller_limit_and_other_callers_go_on()
    {
        await using var app = AppWith(api: 10);
        using var health = app.Api("health");
        for (var i = 0; i < 10; i++)
        {
            using var ok = await health.GetAsync("/api/v1/programmes", Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await health.GetAsync("/api/v1/programmes", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Error.RateLimited", (string)(await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["code"]!);
        using var education = app.Api("education");
        using var other = await education.GetAsync("/api/v1/programmes", Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
