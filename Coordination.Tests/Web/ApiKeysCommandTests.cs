using System.Net;
using Coordination.Core.Access;
using Coordination.Tests.Support;
using Coordination.Web.Cli;

namespace Coordination.Tests.Web;

/// <summary>
/// <c>apikeys add|list|revoke</c>, run as the console runs them: the key is printed once, lists show only its hint,
/// and a revoked key stops working at once.
/// </summary>
public sealed class ApiKeysCommandTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(_app.Services, args, output);
        return (code, output.ToString());
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private async Task<HttpStatusCode> EventsWithAsync(string secret)
    {
        using var api = _app.Api(null);
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        using var response = await api.GetAsync("/api/v1/board/events", Ct);
        return response.StatusCode;
    }

    private async Task<(string Name, string Secret)> AddAsync()
    {
        var name = "intake-" + Guid.NewGuid().ToString("N")[..8];
        var (code, output) = await RunAsync("apikeys", "add", "--agency", "health", "--name", name);
        Assert.Equal(0, code);
        return (name, Assert.Single(Lines(output), l => l.StartsWith(ApiKey.Prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_key_made_by_apikeys_add_is_printed_once_and_works_on_the_API()
    {
        var name = "intake-" + Guid.NewGuid().ToString("N")[..8];

        var (code, output) = await RunAsync("apikeys", "add", "--agency", "health", "--name", name);

        Assert.Equal(0, code);
        var secret = Assert.Single(Lines(output), l => l.StartsWith(ApiKey.Prefix, StringComparison.Ordinal));
        Assert.True(secret.Length > 40, "a long random key");
        Assert.Single(Lines(output), l => l.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(name, output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await EventsWithAsync(secret));
    }

    [Fact]
    public async Task Apikeys_list_shows_a_key_by_its_hint_and_never_the_key_itself()
    {
        var (name, secret) = await AddAsync();

        var (code, output) = await RunAsync("apikeys", "list");

        Assert.Equal(0, code);
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        var line = Assert.Single(Lines(output), l => l.Contains(name, StringComparison.Ordinal));
        Assert.StartsWith(secret[..10] + "…\thealth\t" + name, line, StringComparison.Ordinal);
        Assert.EndsWith("live", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_revoked_by_its_hint_stops_working_at_once_and_is_listed_as_revoked()
    {
        var (name, secret) = await AddAsync();
        Assert.Equal(HttpStatusCode.OK, await EventsWithAsync(secret));

        var (code, output) = await RunAsync("apikeys", "revoke", secret[..10]);

        Assert.Equal(0, code);
        Assert.Contains("Revoked", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await EventsWithAsync(secret));
        var (_, list) = await RunAsync("apikeys", "list");
        Assert.Contains("\trevoked ", Assert.Single(Lines(list), l => l.Contains(name, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_an_unknown_hint_says_so_and_fails()
    {
        var (code, output) = await RunAsync("apikeys", "revoke", "cb_nothing");

        Assert.Equal(1, code);
        Assert.Contains("No key cb_nothing", output, StringComparison.Ordinal);
    }
}
