using System.Net;
using System.Net.Http.Headers;
using Coordination.Core.Access;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

/// <summary>
/// Only <c>/health</c> is open: every API endpoint, the hub and the OpenAPI document refuse a caller without a live
/// key. The endpoints are read from the app's own routing, so a new one is covered the day it is mapped.
/// </summary>
public sealed class AnonymousAccessTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] ProgramPrefixes = ["/api/", "/hubs/", "/openapi/"];

    /// <summary>Each method of each route under /api, /hubs and /openapi, its parameters filled with plausible values.</summary>
    private List<(HttpMethod Method, string Path)> ProgramEndpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => ProgramPrefixes.Any(p => e.RoutePattern.RawText?.StartsWith(p, StringComparison.Ordinal) == true))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [DefaultMethod(e.RoutePattern)])
                .Select(method => (new HttpMethod(method), Fill(e.RoutePattern))))
            .Distinct()
            .ToList();

    // The hub's routes carry no method: negotiation is a POST, the connection itself a GET.
    private static string DefaultMethod(RoutePattern pattern) =>
        pattern.RawText!.EndsWith("/negotiate", StringComparison.Ordinal) ? "POST" : "GET";

    private static string Fill(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "1",
            RoutePatternParameterPart { Name: "documentName" } => "v1",
            RoutePatternParameterPart => "x",
            _ => throw new InvalidOperationException($"Unexpected route part in {pattern.RawText}"),
        }))));

    private static HttpRequestMessage Request(HttpMethod method, string path) =>
        new(method, path) { Content = method == HttpMethod.Get ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };

    /// <summary>Every program endpoint with the status it answered to <paramref name="client"/>.</summary>
    private async Task<List<string>> AnswersAsync(HttpClient client)
    {
        var answers = new List<string>();
        foreach (var (method, path) in ProgramEndpoints())
        {
            using var request = Request(method, path);
            using var response = await client.SendAsync(request, Ct);
            answers.Add($"{method} {path} → {(int)response.StatusCode}");
        }
        return answers;
    }

    private async Task<string> RevokedKeyAsync()
    {
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var (key, secret) = await keys.CreateAsync(BoardApp.Admin, "health", "revoked-" + Guid.NewGuid().ToString("N"), Ct);
        Assert.True(await keys.RevokeAsync(BoardApp.Admin, key.Id.ToString(), Ct));
        return secret;
    }

    /// <summary>A client as each kind of caller that must be refused.</summary>
    private async Task<HttpClient> CallerAsync(string caller)
    {
        var client = _app.Api(null);
        switch (caller)
        {
            case "anonymous":
                break;
            case "revoked key":
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await RevokedKeyAsync());
                break;
            case "never-issued key":
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey.Prefix + Guid.NewGuid().ToString("N"));
                break;
            case "X-Agency header without a key":
                // Before accounts the header named the caller's agency; now that keys exist it counts for nothing.
                client.DefaultRequestHeaders.Add("X-Agency", "health");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(caller), caller, null);
        }
        return client;
    }

    [Fact]
    public void The_routes_read_from_the_app_include_the_known_API_hub_and_OpenAPI_endpoints()
    {
        var endpoints = ProgramEndpoints().Select(e => $"{e.Method} {e.Path}").ToList();

        Assert.Contains("POST /api/v1/screenings", endpoints);
        Assert.Contains("GET /api/v1/board/events", endpoints);
        Assert.Contains("POST /api/v1/referrals", endpoints);
        Assert.Contains(endpoints, e => e.StartsWith("POST /api/v1/referrals/", StringComparison.Ordinal) && e.EndsWith("/accept", StringComparison.Ordinal));
        Assert.Contains("POST /hubs/board/negotiate", endpoints);
        Assert.Contains("GET /openapi/v1.json", endpoints);
        Assert.True(endpoints.Count >= 15, string.Join("\n", endpoints));
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("revoked key")]
    [InlineData("never-issued key")]
    [InlineData("X-Agency header without a key")]
    public async Task Every_API_hub_and_OpenAPI_endpoint_answers_401_to(string caller)
    {
        using var client = await CallerAsync(caller);

        var answers = await AnswersAsync(client);

        Assert.All(answers, answer => Assert.EndsWith("→ 401", answer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_live_key_no_endpoint_answers_401()
    {
        using var client = _app.Api("health");

        var answers = await AnswersAsync(client);

        Assert.All(answers, answer => Assert.DoesNotContain("→ 401", answer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_is_a_problem_detail_that_does_not_point_programs_at_the_retired_X_Agency_header()
    {
        using var client = _app.Api(null);

        using var response = await client.GetAsync("/api/v1/board/events", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Error.Caller.Unknown", body, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Agency", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_200_to_an_anonymous_caller()
    {
        using var client = _app.Api(null);

        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private HubConnection HubWithKey(string? secret) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Address, "/hubs/board"), o =>
            {
                // Long polling too: each transport must be refused, not only the one tried first.
                o.Transports = HttpTransportType.WebSockets | HttpTransportType.LongPolling;
                if (secret is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(secret);
                }
            })
            .Build();

    [Fact]
    public async Task A_hub_connection_without_a_key_fails_to_start_with_401()
    {
        await using var hub = HubWithKey(null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task A_hub_connection_with_a_revoked_key_fails_to_start_with_401()
    {
        await using var hub = HubWithKey(await RevokedKeyAsync());

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_with_a_live_key_starts()
    {
        await using var hub = HubWithKey(_app.ApiKeyOf("health"));

        await hub.StartAsync(Ct);

        Assert.Equal(HubConnectionState.Connected, hub.State);
    }
}
