using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Core.Board;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Tests.Web;

public sealed class BoardHubTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> PostScreeningAsync()
    {
        using var api = _app.Api("education");
        using var response = await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(kind: "school-survey"), Ct);
        response.EnsureSuccessStatusCode();
        return (long)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["sequence"]!;
    }

    [Fact]
    public async Task A_hub_client_receives_the_event_of_a_screening_posted_through_the_API()
    {
        await using var hub = _app.Hub();
        var received = new List<BoardEventMessage>();
        var arrived = new TaskCompletionSource<BoardEventMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        long expected = -1;
        hub.On<BoardEventMessage>("BoardEvent", e =>
        {
            lock (received)
            {
                received.Add(e);
                if (e.Sequence == Volatile.Read(ref expected))
                {
                    arrived.TrySetResult(e);
                }
            }
        });
        await hub.StartAsync(Ct);

        var sequence = await PostScreeningAsync();
        lock (received)
        {
            Volatile.Write(ref expected, sequence);
            if (received.FirstOrDefault(e => e.Sequence == sequence) is { } early)
            {
                arrived.TrySetResult(early);
            }
        }
        var evt = await arrived.Task.Within();

        Assert.Equal("screening.recorded", evt.Kind);
        Assert.Equal("education", evt.Agency);
        Assert.Equal(new BoardEventDetail { Kind = "school-survey" }, evt.Detail);
        Assert.Equal("shishan-zhen", evt.Township);
        Assert.Equal("medium", evt.Risk);
        Assert.NotNull(evt.ChildId);
    }

    [Fact]
    public async Task CatchUp_returns_exactly_the_events_after_N_in_order_like_the_API()
    {
        await PostScreeningAsync();
        var last = await PostScreeningAsync();
        await using var hub = _app.Hub();
        await hub.StartAsync(Ct);

        var caughtUp = await hub.InvokeAsync<List<BoardEventMessage>>("CatchUp", last - 3, Ct);
        using var api = _app.Api("health");
        var viaApi = await api.GetFromJsonAsync<List<BoardEventMessage>>($"/api/v1/board/events?after={last - 3}", Ct);

        Assert.Equal([last - 2, last - 1, last], caughtUp.Select(e => e.Sequence).Take(3));
        Assert.Equal(viaApi!.Select(e => e.Sequence), caughtUp.Select(e => e.Sequence));
        Assert.All(caughtUp, e => Assert.True(e.Sequence > last - 3));
    }

    [Fact]
    public async Task A_client_that_was_away_misses_nothing_when_it_catches_up()
    {
        var seen = new List<long>();
        await using (var first = _app.Hub())
        {
            var got = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            long target = long.MaxValue;
            first.On<BoardEventMessage>("BoardEvent", e =>
            {
                lock (seen)
                {
                    seen.Add(e.Sequence);
                    if (e.Sequence >= Volatile.Read(ref target))
                    {
                        got.TrySetResult();
                    }
                }
            });
            await first.StartAsync(Ct);
            var s = await PostScreeningAsync();
            lock (seen)
            {
                Volatile.Write(ref target, s);
                if (seen.Contains(s))
                {
                    got.TrySetResult();
                }
            }
            await got.Task.Within();
            await first.StopAsync(Ct);
        }
        var lastSeen = seen.Max();

        // While the client is away, three more screenings are saved (each writes two events).
        var missed = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            missed.Add(await PostScreeningAsync());
        }

        await using var back = _app.Hub();
        await back.StartAsync(Ct);
        var caughtUp = await back.InvokeAsync<List<BoardEventMessage>>("CatchUp", lastSeen, Ct);

        var expected = Enumerable.Range(1, (int)(missed[^1] - lastSeen)).Select(i => lastSeen + i).ToList();
        Assert.Equal(expected, caughtUp.Select(e => e.Sequence).Where(q => q <= missed[^1]));
        Assert.All(missed, m => Assert.Contains(caughtUp, e => e.Sequence == m && e.Kind == "screening.recorded"));
    }
}
