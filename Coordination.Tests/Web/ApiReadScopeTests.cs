using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Assistance;
using Coordination.Core.Board;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

/// <summary>
/// Issue 8, acceptance 4, the API half (<see cref="Services.ReadScopeTableTests"/> is the Core half): every read route
/// of the API and the hub, read from the app's own routing so that a new one fails here until it is put in the table,
/// asked by a township supervisor and by the wall's display account. The supervisor gets its own township's child and
/// referral and nothing of another township's; the display gets aggregates only: no child, no referral, no event
/// pointing at one.
/// </summary>
public sealed class ApiReadScopeTests : IAsyncLifetime
{
    private const string OtherTownship = "fengzhou-zhen";
    private BoardApp _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A child with a screening, a referral and an assistance record, in one township.</summary>
    private sealed record Seeded(Guid Child, Guid Referral, string Name);

    private sealed record Ids(Seeded Own, Seeded Other, string Quarter);

    /// <summary>
    /// Every GET route under /api and the hub's, with the addresses a caller tries on it: lists with their filters,
    /// details of the caller's own township's records and of the other township's.
    /// </summary>
    private static readonly Dictionary<string, Func<Ids, string[]>> ReadRoutes = new(StringComparer.Ordinal)
    {
        ["/api/v1/children"] = ids =>
        [
            "/api/v1/children?pageSize=200", "/api/v1/children?status=all&pageSize=200",
            $"/api/v1/children?township={OtherTownship}&pageSize=200", $"/api/v1/children?q={Uri.EscapeDataString(ids.Other.Name)}",
        ],
        ["/api/v1/children/{id:guid}"] = ids => [$"/api/v1/children/{ids.Own.Child}", $"/api/v1/children/{ids.Other.Child}"],
        ["/api/v1/referrals/"] = ids =>
        [
            "/api/v1/referrals", "/api/v1/referrals?box=all", "/api/v1/referrals?box=inbox", "/api/v1/referrals?box=outbox",
            "/api/v1/referrals?status=pending", $"/api/v1/referrals?childId={ids.Other.Child}", $"/api/v1/referrals?childId={ids.Own.Child}",
        ],
        ["/api/v1/referrals/{id:guid}"] = ids => [$"/api/v1/referrals/{ids.Own.Referral}", $"/api/v1/referrals/{ids.Other.Referral}"],
        ["/api/v1/board/events"] = _ => ["/api/v1/board/events", "/api/v1/board/events?after=0"],
        ["/api/v1/programmes"] = _ => ["/api/v1/programmes"],
        ["/api/v1/figures"] = ids => ["/api/v1/figures", $"/api/v1/figures?quarter={ids.Quarter}"],
        ["/api/v1/figures/{quarter}.xlsx"] = ids => [$"/api/v1/figures/{ids.Quarter}.xlsx"],
        // The audit trail's export: the administrator's alone.
        ["/api/v1/audit.xlsx"] = _ => ["/api/v1/audit.xlsx"],
        // The import template: reference lists only (townships, categories), for those who may screen; no child in it.
        ["/api/v1/import/template"] = _ => ["/api/v1/import/template", "/api/v1/import/template?agency=health"],
        // The API's description: routes and shapes, no record. Listed so that every GET is accounted for.
        ["/openapi/{documentName}.json"] = _ => ["/openapi/v1.json"],
        // The hub's GET is the connection itself; what it pushes is tested below with real connections.
        ["/hubs/board"] = _ => [],
    };

    private List<string> GetRoutesOfTheApp() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/hubs/", StringComparison.Ordinal) || raw.StartsWith("/openapi/", StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText!)
            .Where(raw => !raw.EndsWith("/negotiate", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    private async Task<Seeded> SeedAsync(string township, string name)
    {
        using var civil = _app.Api("civil-affairs");
        var body = ScreeningBodies.NewChild(kind: "household", township: township, risk: "high");
        body["child"]!["name"] = name;
        using var created = await civil.PostAsJsonAsync("/api/v1/screenings", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var child = Guid.Parse((string)(await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
        using var referred = await civil.PostAsJsonAsync("/api/v1/referrals", new { childId = child, to = "health", need = "medical", urgency = "high", note = "体检" }, Ct);
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        var referral = Guid.Parse((string)(await referred.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!);
        using var aid = await civil.PostAsJsonAsync("/api/v1/assistance",
            new { childId = child, kind = AssistanceKind.GoldenAutumnAid.Key(), date = ScreeningBodies.Today, amount = 2000 }, Ct);
        Assert.Equal(HttpStatusCode.Created, aid.StatusCode);
        return new Seeded(child, referral, name);
    }

    private async Task<Ids> SeedBothAsync()
    {
        var own = await SeedAsync(BoardApp.TestTownship, "诗山甲童");
        var other = await SeedAsync(OtherTownship, "丰州乙童");
        return new Ids(own, other, Quarter.Of(DateOnly.Parse(ScreeningBodies.Today, System.Globalization.CultureInfo.InvariantCulture)).ToString());
    }

    private async Task<HttpBrowser> SignedInAsync(Role role)
    {
        var browser = new HttpBrowser(_app.Address);
        var answer = await browser.SignInAsync(BoardApp.EmailOf("civil-affairs", role), BoardApp.Password);
        Assert.True(answer.SignedIn, $"{role} signs in");
        browser.Http.DefaultRequestHeaders.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        return browser;
    }

    /// <summary>Every address of the table as <paramref name="browser"/>'s account: status and body.</summary>
    private static async Task<List<(string Path, HttpStatusCode Status, string Body)>> ReadEverythingAsync(HttpBrowser browser, Ids ids)
    {
        var answers = new List<(string, HttpStatusCode, string)>();
        foreach (var path in ReadRoutes.Values.SelectMany(paths => paths(ids)))
        {
            using var response = await browser.Http.GetAsync(path, Ct);
            var body = response.Content.Headers.ContentType?.MediaType == Coordination.Web.Api.FiguresApi.XlsxType
                ? "(workbook)"
                : await response.Content.ReadAsStringAsync(Ct);
            answers.Add((path, response.StatusCode, body));
        }
        return answers;
    }

    private static void Shows(Seeded seeded, string body, bool expected, string path)
    {
        foreach (var mark in new[] { seeded.Child.ToString(), seeded.Referral.ToString(), seeded.Name })
        {
            Assert.True(body.Contains(mark, StringComparison.Ordinal) == expected, $"{path} {(expected ? "does not show" : "shows")} {mark}");
        }
    }

    [Fact]
    public void Every_read_route_of_the_api_and_the_hub_is_in_the_table()
    {
        var routes = GetRoutesOfTheApp();

        Assert.Empty(routes.Except(ReadRoutes.Keys));
        Assert.Empty(ReadRoutes.Keys.Except(routes));
    }

    [Fact]
    public async Task A_township_supervisor_reads_its_own_townships_child_and_referral_and_nothing_of_another_township()
    {
        var ids = await SeedBothAsync();
        using var browser = await SignedInAsync(Role.Township);

        var answers = await ReadEverythingAsync(browser, ids);

        Assert.All(answers, a => Assert.True(a.Status < HttpStatusCode.InternalServerError, $"{a.Path} → {(int)a.Status}"));
        Assert.All(answers, a => Shows(ids.Other, a.Body, expected: false, a.Path));
        // The other township's records are refused to it (a filter by the other's child answers an empty list).
        Assert.All(answers.Where(a => a.Path == $"/api/v1/children/{ids.Other.Child}" || a.Path == $"/api/v1/referrals/{ids.Other.Referral}"),
            a => Assert.True(a.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{a.Path} → {(int)a.Status}"));
        Assert.Equal(HttpStatusCode.Forbidden, answers.First(a => a.Path == "/api/v1/audit.xlsx").Status);
        // And its own township's are there: the scope is a filter, not a wall against everything.
        foreach (var path in new[] { "/api/v1/children?pageSize=200", $"/api/v1/children/{ids.Own.Child}", "/api/v1/referrals?box=all", $"/api/v1/referrals/{ids.Own.Referral}" })
        {
            var (_, status, body) = answers.First(a => a.Path == path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(ids.Own.Child.ToString(), body, StringComparison.Ordinal);
        }
        var events = JsonNode.Parse(answers.First(a => a.Path == "/api/v1/board/events?after=0").Body)!.AsArray();
        Assert.Contains(events, e => (string?)e!["childId"] == ids.Own.Child.ToString());
        Assert.All(events, e => Assert.True((string?)e!["township"] is null or BoardApp.TestTownship, e!.ToJsonString()));
    }

    [Fact]
    public async Task The_wall_display_account_reads_aggregates_only_from_every_route()
    {
        var ids = await SeedBothAsync();
        using var browser = await SignedInAsync(Role.Display);

        var answers = await ReadEverythingAsync(browser, ids);

        Assert.All(answers, a => Assert.True(a.Status < HttpStatusCode.InternalServerError, $"{a.Path} → {(int)a.Status}"));
        Assert.All(answers, a => Shows(ids.Own, a.Body, expected: false, a.Path));
        Assert.All(answers, a => Shows(ids.Other, a.Body, expected: false, a.Path));
        Assert.All(answers.Where(a => a.Path.StartsWith("/api/v1/children", StringComparison.Ordinal) || a.Path.StartsWith("/api/v1/referrals", StringComparison.Ordinal) || a.Path.StartsWith("/api/v1/board/events", StringComparison.Ordinal) || a.Path.StartsWith("/api/v1/audit", StringComparison.Ordinal)),
            a => Assert.Equal(HttpStatusCode.Forbidden, a.Status));
        // The aggregates it may read are there.
        var (_, figuresStatus, figures) = answers.First(a => a.Path == "/api/v1/figures?quarter=" + ids.Quarter);
        Assert.Equal(HttpStatusCode.OK, figuresStatus);
        Assert.Contains("\"indicators\"", figures, StringComparison.OrdinalIgnoreCase);
    }

    private HubConnection HubAs(HttpBrowser browser) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Address, Coordination.Web.Hubs.BoardHub.Path), o => o.Cookies = browser.Cookies)
            .Build();

    [Fact]
    public async Task The_hub_pushes_a_township_supervisor_its_own_townships_events_only()
    {
        using var browser = await SignedInAsync(Role.Township);
        await using var hub = HubAs(browser);
        var heard = new List<BoardEventMessage>();
        var ownArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ownName = "诗山甲童";
        hub.On<BoardEventMessage>(Coordination.Web.Hubs.BoardHub.EventMethod, e =>
        {
            lock (heard)
            {
                heard.Add(e);
            }
            if (e.Township == BoardApp.TestTownship)
            {
                ownArrived.TrySetResult();
            }
        });
        await hub.StartAsync(Ct);

        // The other township's events are committed first: one connection hears its events in order, so once the
        // own township's have arrived, any of the other's that were sent would be there too.
        var other = await SeedAsync(OtherTownship, "丰州乙童");
        var own = await SeedAsync(BoardApp.TestTownship, ownName);
        await ownArrived.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        var caughtUp = await hub.InvokeAsync<IReadOnlyList<BoardEventMessage>>("CatchUp", 0L, Ct);

        lock (heard)
        {
            Assert.DoesNotContain(heard, e => e.ChildId == other.Child || e.Township == OtherTownship);
            Assert.Contains(heard, e => e.ChildId == own.Child);
        }
        Assert.DoesNotContain(caughtUp, e => e.ChildId == other.Child);
        Assert.Contains(caughtUp, e => e.ChildId == own.Child);
    }

    [Fact]
    public async Task A_city_wide_hub_client_hears_both_townships()
    {
        using var browser = await SignedInAsync(Role.Viewer);
        await using var hub = HubAs(browser);
        var heard = new List<Guid?>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Seeded? own = null, other = null;
        hub.On<BoardEventMessage>(Coordination.Web.Hubs.BoardHub.EventMethod, e =>
        {
            lock (heard)
            {
                heard.Add(e.ChildId);
                if (own is not null && other is not null && heard.Contains(own.Child) && heard.Contains(other.Child))
                {
                    both.TrySetResult();
                }
            }
        });
        await hub.StartAsync(Ct);

        other = await SeedAsync(OtherTownship, "丰州乙童");
        own = await SeedAsync(BoardApp.TestTownship, "诗山甲童");
        lock (heard)
        {
            if (heard.Contains(own.Child) && heard.Contains(other.Child))
            {
                both.TrySetResult();
            }
        }

        await both.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
    }

    [Theory]
    [InlineData(Role.Display)]
    [InlineData(Role.Admin)]
    public async Task The_hub_refuses_an_account_that_reads_aggregates_only(Role role)
    {
        using var browser = await SignedInAsync(role);
        await using var hub = HubAs(browser);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(Rights.CanSeeBoardLines(new Actor("civil-affairs", "x", role)));
    }
}
