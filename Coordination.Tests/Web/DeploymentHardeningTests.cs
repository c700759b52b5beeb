using System.Net;
using System.Net.Http.Headers;
using Coordination.Tests.Support;
using Coordination.Web.Accounts;

namespace Coordination.Tests.Web;

/// <summary>
/// The board in Production behind a reverse proxy, as a city installs it: the proxy's forwarded scheme believed only
/// from the configured proxy (then cookies are Secure and HSTS is sent), foreign host names refused, nothing personal
/// cached, live connections refused from other sites' pages.
/// </summary>
public sealed class DeploymentHardeningTests : IAsyncLifetime
{
    private BoardApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp("Production", new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
            ["AllowedHosts"] = "board.example;127.0.0.1",
            ["Security:AllowedOrigins"] = "https://partner.example",
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private HttpClient Raw() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _app.Address };

    [Fact]
    public async Task A_request_for_a_host_name_the_installation_does_not_serve_is_refused()
    {
        using var http = Raw();
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/health");
        foreign.Headers.Host = "evil.example";
        using var own = new HttpRequestMessage(HttpMethod.Get, "/health");
        own.Headers.Host = "board.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(foreign, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(own, Ct)).StatusCode);
    }

    [Fact]
    public async Task Behind_the_configured_tls_proxy_cookies_are_secure_and_hsts_is_sent_and_not_on_plain_http()
    {
        using var http = Raw();
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        viaProxy.Headers.Host = "board.example";
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        viaProxy.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        plain.Headers.Host = "board.example";

        using var tls = await http.SendAsync(viaProxy, Ct);
        using var direct = await http.SendAsync(plain, Ct);

        Assert.Equal(HttpStatusCode.OK, tls.StatusCode);
        Assert.True(tls.Headers.Contains("Strict-Transport-Security"));
        var cookie = Assert.Single(tls.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", Assert.Single(direct.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/v1/children", true)]
    [InlineData("/api/v1/referrals", true)]
    [InlineData("/children", false)]
    [InlineData("/", false)]
    public async Task Answers_with_personal_data_are_never_stored_by_a_browser_or_proxy(string path, bool api)
    {
        using var http = api ? _app.Api("health") : null;
        using var browser = api ? null : new HttpBrowser(_app.Address);
        HttpResponseMessage response;
        if (browser is not null)
        {
            Assert.True((await browser.SignInAsync(BoardApp.EmailOf("health"), BoardApp.Password)).SignedIn);
            response = await browser.Http.GetAsync(path, Ct);
        }
        else
        {
            response = await http!.GetAsync(path, Ct);
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: {response.Headers.CacheControl}");
        }
    }

    private async Task<HttpStatusCode> NegotiateAsync(string path, string? origin, bool key)
    {
        using var http = Raw();
        using var request = new HttpRequestMessage(HttpMethod.Post, path + "/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _app.ApiKeyOf("health"));
        }
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_hub_refuses_a_page_of_another_site_and_serves_its_own_a_configured_origin_and_programs_without_origin()
    {
        var own = _app.Address.GetLeftPart(UriPartial.Authority);

        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("/hubs/board", "https://evil.example", key: true));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("/hubs/board", "null", key: true));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("/hubs/board", own, key: true));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("/hubs/board", "https://partner.example", key: true));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("/hubs/board", null, key: true));
    }

    [Fact]
    public async Task The_blazor_circuit_endpoint_refuses_a_page_of_another_site()
    {
        var own = _app.Address.GetLeftPart(UriPartial.Authority);

        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("/_blazor", "https://evil.example", key: false));
        Assert.NotEqual(HttpStatusCode.Forbidden, await NegotiateAsync("/_blazor", own, key: false));
    }

    [Fact]
    public void The_common_password_list_is_of_real_size_and_holds_the_published_demo_password()
    {
        var list = CommonPasswords.Load(TestDatabase.DataDirectory);

        Assert.True(list.Count >= 10_000, $"{list.Count} entries");
        Assert.True(list.Contains(DemoAccounts.Password));
        Assert.True(list.Contains("1qaz2wsx3edc"));
        Assert.False(list.Contains("a long enough passphrase"));
    }

    [Fact]
    public void A_missing_common_password_list_stops_the_board_rather_than_allow_every_password()
    {
        var empty = Directory.CreateTempSubdirectory("coordination-no-passwords");
        try
        {
            Assert.Throws<InvalidOperationException>(() => CommonPasswords.Load(empty.FullName));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
