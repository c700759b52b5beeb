using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Core.Board;
using Coordination.Core.Referrals;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Web;

/// <summary>The hub delivers <c>referral.*</c> events live and on catch-up, with the guarantee screenings have.</summary>
public sealed class ReferralHubTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HubConnection> ListenAsync(BoardApp app, ConcurrentQueue<BoardEventMessage> into)
    {
        var hub = app.Hub();
        hub.On<BoardEventMessage>("BoardEvent", e => into.Enqueue(e));
        await hub.StartAsync(Ct);
        return hub;
    }

    private async Task<JsonObject> ActAsync(string agency, Guid id, string action, JsonObject body)
    {
        using var api = _app.Api(agency);
        using var response = await api.PostAsJsonAsync($"/api/v1/referrals/{id}/{action}", body, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    [Fact]
    public async Task A_hub_client_receives_each_referral_event_as_it_happens()
    {
        var received = new ConcurrentQueue<BoardEventMessage>();
        await using var hub = await ListenAsync(_app, received);

        var id = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));
        await ActAsync("womens-federation", id, "accept", new JsonObject { ["version"] = 1 });
        await ActAsync("womens-federation", id, "complete", new JsonObject { ["version"] = 2, ["outcome"] = "已辅导" });

        await Waiting.UntilAsync(() => Task.FromResult(received.Count(e => e.SubjectId == id) == 3), what: "three referral events on the hub");
        var events = received.Where(e => e.SubjectId == id).ToList();
        Assert.Equal(["referral.created", "referral.accepted", "referral.completed"], events.Select(e => e.Kind));
        Assert.Equal(["education", "womens-federation", "womens-federation"], events.Select(e => e.Agency));
        Assert.All(events, e => Assert.Equal(new BoardEventDetail { From = "education", To = "womens-federation", Need = "psychological", Urgency = "urgent" }, e.Detail));
        Assert.All(events, e => Assert.Equal("shishan-zhen", e.Township));
        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        Assert.All(events, e => Assert.DoesNotContain("测试", e.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_was_away_misses_no_referral_event_when_it_catches_up()
    {
        var seen = new ConcurrentQueue<BoardEventMessage>();
        var first = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));
        long lastSeen;
        await using (var hub = await ListenAsync(_app, seen))
        {
            var accepted = await ActAsync("womens-federation", first, "accept", new JsonObject { ["version"] = 1 });
            Assert.Equal(2, ReferralBodies.Version(accepted));
            await Waiting.UntilAsync(() => Task.FromResult(seen.Any(e => e.SubjectId == first && e.Kind == BoardEventKinds.ReferralAccepted)), what: "the acceptance on the hub");
            lastSeen = seen.Max(e => e.Sequence);
            await hub.StopAsync(Ct);
        }

        // While the client is away: a withdrawal, a new referral and its decline.
        await ActAsync("education", first, "withdraw", new JsonObject { ["version"] = 2, ["reason"] = "家长已自行就医" });
        var second = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));
        await ActAsync("womens-federation", second, "decline", new JsonObject { ["version"] = 1, ["reason"] = "不对口", ["suggestedAgency"] = "health" });

        await using var back = _app.Hub();
        await back.StartAsync(Ct);
        var caughtUp = await back.InvokeAsync<List<BoardEventMessage>>("CatchUp", lastSeen, Ct);
        using var api = _app.Api("health");
        var viaApi = await api.GetFromJsonAsync<List<BoardEventMessage>>($"/api/v1/board/events?after={lastSeen}", Ct);

        Assert.Equal(Enumerable.Range(1, caughtUp.Count).Select(i => lastSeen + i), caughtUp.Select(e => e.Sequence));
        Assert.Equal(viaApi!.Select(e => e.Sequence), caughtUp.Select(e => e.Sequence));
        var referralEvents = caughtUp.Where(e => e.SubjectId == first || e.SubjectId == second).Select(e => (e.SubjectId, e.Kind)).ToList();
        Assert.Equal(
            [(first, "referral.withdrawn"), (second, "referral.created"), (second, "referral.declined")],
            referralEvents.Select(x => (x.SubjectId!.Value, x.Kind)));
    }

    [Fact]
    public async Task The_overdue_watch_pushes_one_referral_overdue_event_when_time_passes_the_due_time()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new BoardApp(time);
        var received = new ConcurrentQueue<BoardEventMessage>();
        var id = ReferralBodies.Id(await ReferralBodies.SendAsync(app, urgency: "urgent"));
        await using var hub = await ListenAsync(app, received);

        time.Advance(TimeSpan.FromHours(23));
        time.Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromMinutes(2)));

        await Waiting.UntilAsync(() => Task.FromResult(received.Any(e => e.Kind == BoardEventKinds.ReferralOverdue)), what: "referral.overdue on the hub");
        var overdue = Assert.Single(received, e => e.Kind == BoardEventKinds.ReferralOverdue);
        Assert.Equal((id, "womens-federation"), (overdue.SubjectId!.Value, overdue.Agency));
        Assert.Equal("acceptance", overdue.Detail?.Stage);
        // Later checks find nothing new to report.
        Assert.Equal(0, await app.Services.GetRequiredService<ReferralService>().MarkOverdueAsync(Ct));
        var log = await hub.InvokeAsync<List<BoardEventMessage>>("CatchUp", 0L, Ct);
        Assert.Single(log, e => e.Kind == BoardEventKinds.ReferralOverdue);
    }
}
