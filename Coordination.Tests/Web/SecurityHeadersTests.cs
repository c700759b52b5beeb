using Coordination.Tests.Support;

namespace Coordination.Tests.Web;

public sealed class SecurityHeadersTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/health")]
    [InlineData("/api/v1/board/events")]
    public async Task Every_answer_forbids_framing_and_sniffing_and_limits_scripts_to_the_site(string path)
    {
        using var http = fixture.App.Api(null);

        using var response = await http.GetAsync(path, Ct);

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_form_carries_an_antiforgery_token_and_a_post_without_it_is_refused()
    {
        using var http = fixture.App.Api(null);

        var page = await http.GetStringAsync("/account/login", Ct);
        using var forged = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = BoardApp.EmailOf("health"),
            ["Input.Password"] = BoardApp.Password,
        }), Ct);

        Assert.Contains("__RequestVerificationToken", page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        var cookies = forged.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("coord.session", StringComparison.Ordinal));
    }
}
