using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Core.Demo;

namespace Coordination.Benchmarks;

/// <summary>Records screenings through the real API with the health bureau's key, as its records system would.</summary>
internal sealed class ScreeningPoster : IDisposable
{
    private const string Agency = "health";
    private const string Kind = "health-check";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly BoardClock _clock = new(TimeProvider.System, BoardClock.ChinaStandardTime);
    private Guid _childId;

    public ScreeningPoster(Uri baseAddress, string apiKey)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
    }

    private string Today => _clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly HashSet<string> UsedIds = new(StringComparer.Ordinal);

    private static readonly string[] NameParts = ["子", "欣", "宇", "涵", "晨", "梓", "浩", "雨", "思", "嘉", "俊", "怡", "博", "可", "佳", "文", "睿", "雅", "明", "乐"];

    /// <summary>Registers the child every later screening is about, through a first screening.</summary>
    /// <param name="varyName">A name of its own ("测" and three more characters): for callers registering hundreds of
    /// children, whose birth dates alone would meet twice and make near duplicates.</param>
    public async Task<Created> RegisterChildAsync(CancellationToken ct, bool varyName = false, int attempt = 0)
    {
        // A birth date of its own: posters registering children of one name, birth date and township would be near
        // duplicates, which the board refuses without a confirmation.
        var birth = new DateOnly(_clock.Today.Year - 14, 1, 1).AddDays(Random.Shared.Next(8 * 365));
        string residentId;
        lock (UsedIds)
        {
            // Unique among this process's children (MakeResidentId notes it); a demo child may still hold it, or a near
            // duplicate of name and birth date exist: answered 409, tried again with another.
            residentId = DemoData.MakeResidentId(birth, Sex.F, new Random(), UsedIds);
        }
        Created created;
        try
        {
            created = await PostAsync(new
        {
            kind = Kind,
            date = Today,
            child = new
            {
                name = varyName ? "测" + string.Concat(Enumerable.Range(0, 3).Select(_ => NameParts[Random.Shared.Next(NameParts.Length)])) : "测试",
                sex = "F",
                birthDate = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                residentId,
                township = "shishan-zhen",
                categories = new[] { "left-behind" },
            },
            risk = "low",
            needs = Array.Empty<string>(),
            findings = "bench",
        }, ct);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("answered 409", StringComparison.Ordinal) && attempt < 5)
        {
            return await RegisterChildAsync(ct, varyName, attempt + 1);
        }
        _childId = created.ChildId;
        return created;
    }

    /// <summary>One screening of the registered child; <see cref="Created.Start"/> is taken just before the request is sent.</summary>
    public Task<Created> RecordAsync(CancellationToken ct) => RecordAsync(_childId, ct);

    /// <summary>One screening of <paramref name="childId"/> (a child this poster or another registered).</summary>
    public Task<Created> RecordAsync(Guid childId, CancellationToken ct) =>
        PostAsync(new
        {
            kind = Kind,
            date = Today,
            child = new { id = childId },
            risk = "low",
            needs = Array.Empty<string>(),
            findings = "bench",
        }, ct);

    private async Task<Created> PostAsync(object body, CancellationToken ct)
    {
        // Serialised before the clock starts: the latency is the server's, not this client's JSON writer.
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json));
        content.Headers.ContentType = new("application/json");
        var wallClockMs = WallClock.EpochMs();
        var start = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync("/api/v1/screenings", content, ct);
        var answered = Stopwatch.GetTimestamp();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/screenings answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
        var reply = await response.Content.ReadFromJsonAsync<Reply>(Json, ct)
            ?? throw new InvalidOperationException("POST /api/v1/screenings answered with no body.");
        return new Created(reply.ChildId, reply.Sequence, start, wallClockMs, Stopwatch.GetElapsedTime(start, answered).TotalMilliseconds);
    }

    public void Dispose() => _http.Dispose();

    private sealed record Reply(Guid Id, Guid ChildId, long Sequence);

    /// <param name="Start">Stopwatch timestamp just before the POST was sent.</param>
    /// <param name="StartEpochMs">The same instant on the wall clock, in Unix milliseconds (what a browser's clock says).</param>
    /// <param name="AnsweredMs">Milliseconds until the 201 came back: the HTTP round trip and the save.</param>
    public sealed record Created(Guid ChildId, long Sequence, long Start, double StartEpochMs, double AnsweredMs);
}
