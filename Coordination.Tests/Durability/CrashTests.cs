using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Coordination.Core.Access;
using Coordination.Core.Board;
using Coordination.Web.Hubs;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace Coordination.Tests.Durability;

/// <summary>
/// A power cut in the middle of a burst: the board process is killed with SIGKILL while several clients post
/// screenings, started again on the same file, and nothing that was answered 201 is lost.
/// </summary>
public sealed class CrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Api(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static HubConnection Hub(Uri address, string key) =>
        new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/board"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key)).Build();

    [Fact]
    public async Task After_SIGKILL_mid_burst_every_screening_answered_201_is_there_the_sequence_is_unbroken_and_a_hub_client_catches_up_exactly()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "board.db");
        var (code, output) = await BoardProcess.RunCliAsync(database, "apikeys", "add", "--agency", "health", "--name", "crash-test");
        Assert.True(code == 0, output);
        var key = output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith(ApiKey.Prefix, StringComparison.Ordinal));

        var burst = new ScreeningBurst();
        var received = new ConcurrentQueue<long>();
        await using (var first = await BoardProcess.StartAsync(database))
        {
            await using var hub = Hub(first.Address, key);
            hub.On<BoardEventMessage>(BoardHub.EventMethod, e => received.Enqueue(e.Sequence));
            await hub.StartAsync(Ct);

            using var never = new CancellationTokenSource();
            var writing = burst.RunAsync(5, _ => Api(first.Address, key), never.Token, connectionErrorsExpected: true);
            await Waiting.UntilAsync(() => Task.FromResult(burst.CreatedCount >= 30), TimeSpan.FromSeconds(60), "screenings answered before the kill");
            await first.KillAsync();
            await writing.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            Assert.Empty(burst.Failures);
        }
        var beforeKill = burst.Created.ToHashSet();
        Assert.Equal(burst.CreatedCount, beforeKill.Count);
        var seen = received.ToList();
        Assert.Equal(seen.Distinct(), seen);
        var lastSeen = seen.Count == 0 ? 0 : seen.Max();
        Assert.Equal(Enumerable.Range(1, (int)lastSeen).Select(i => (long)i), seen.Order());

        await using (var second = await BoardProcess.StartAsync(database))
        {
            using (var api = Api(second.Address, key))
            {
                for (var i = 0; i < 3; i++)
                {
                    (await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(), Ct)).EnsureSuccessStatusCode();
                }
            }
            await using var back = Hub(second.Address, key);
            await back.StartAsync(Ct);
            var missed = new List<long>();
            for (var after = lastSeen; ;)
            {
                var page = await back.InvokeAsync<List<BoardEventMessage>>("CatchUp", after, Ct);
                if (page.Count == 0)
                {
                    break;
                }
                missed.AddRange(page.Select(e => e.Sequence));
                after = page[^1].Sequence;
            }

            var sequences = Sequences(database);
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
            Assert.Equal(sequences.Where(s => s > lastSeen), missed);
            Assert.Empty(missed.Intersect(seen));
            Assert.True(missed.Count >= 6, "the three screenings after the restart were missed and caught up");
        }
        var stored = ScreeningIds(database);
        Assert.All(beforeKill, id => Assert.Contains(id, stored));
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static List<long> Sequences(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT Sequence FROM BoardEvents ORDER BY Sequence";
        using var reader = cmd.ExecuteReader();
        var list = new List<long>();
        while (reader.Read())
        {
            list.Add(reader.GetInt64(0));
        }
        return list;
    }

    private static HashSet<Guid> ScreeningIds(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT Id FROM Screenings";
        using var reader = cmd.ExecuteReader();
        var set = new HashSet<Guid>();
        while (reader.Read())
        {
            set.Add(reader.GetGuid(0));
        }
        return set;
    }
}
