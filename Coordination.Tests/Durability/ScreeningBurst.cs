using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Tests.Support;

namespace Coordination.Tests.Durability;

/// <summary>Several API clients posting new-child screenings as fast as they are answered, until stopped; records every answer.</summary>
public sealed class ScreeningBurst
{
    public ConcurrentBag<Guid> Created { get; } = [];

    public ConcurrentBag<string> Failures { get; } = [];

    public int CreatedCount => Created.Count;

    /// <summary>Runs <paramref name="writers"/> loops, each with a client from <paramref name="client"/>, until <paramref name="stop"/>.</summary>
    public Task RunAsync(int writers, Func<int, HttpClient> client, CancellationToken stop, bool connectionErrorsExpected = false) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            using var api = client(w);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(), CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None);
                        Created.Add(Guid.Parse((string)body!["id"]!));
                    }
                    else
                    {
                        Failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    if (!connectionErrorsExpected)
                    {
                        Failures.Add(ex.Message);
                    }
                    if (connectionErrorsExpected)
                    {
                        return;
                    }
                }
            }
        }, CancellationToken.None)));
}
