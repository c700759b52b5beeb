using System.Net;
using Coordination.Tests.Support;

namespace Coordination.Tests.Web;

/// <summary>An address the board does not have answers with the board's own not-found page, signed in or not; programs get a problem detail.</summary>
public sealed class NotFoundTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/children/not-a-guid")]
    [InlineData("/admin/nothing/here")]
    public async Task An_unknown_address_shows_the_chinese_not_found_page_to_someone_not_signed_in(string path)
    {
        using var browser = new HttpBrowser(_app.Address);

        using var response = await browser.Http.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(_app.Chinese("App.NotFoundText"), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_shows_the_not_found_page_to_someone_signed_in()
    {
        using var browser = new HttpBrowser(_app.Address);
        Assert.True((await browser.SignInAsync(BoardApp.EmailOf("health"), BoardApp.Password)).SignedIn);

        using var response = await browser.Http.GetAsync("/no-such-page", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(_app.Chinese("App.NotFoundText"), WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_404_problem_detail()
    {
        using var api = _app.Api(null);

        using var response = await api.GetAsync("/api/v1/no-such-thing", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_known_page_still_asks_someone_not_signed_in_to_sign_in()
    {
        using var browser = new HttpBrowser(_app.Address);

        var (status, location) = await browser.GetAsync("/children");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("/account/login", location!.ToString(), StringComparison.Ordinal);
    }
}
