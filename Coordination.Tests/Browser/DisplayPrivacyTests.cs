using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coordination.Core.Access;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Browser;

/// <summary>
/// The wall and the event stream are seen by many: no full name and no full resident ID reaches a display
/// session's page, the hub's payloads, the events API or the stored event summaries.
/// </summary>
public sealed class DisplayPrivacyTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Name = "欧阳明月";
    private const string Masked = "欧**月";
    private BoardApp _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Registers the child through the API, refers it and accepts the referral: every kind of event about it.</summary>
    private async Task<(Guid Child, string ResidentId, long LastSequence)> ActAsync()
    {
        var body = ScreeningBodies.NewChild(kind: "household");
        body["child"]!["name"] = Name;
        var residentId = (string)body["child"]!["residentId"]!;
        using var civil = _app.Api("civil-affairs");
        using var created = await civil.PostAsJsonAsync("/api/v1/screenings", body, Ct);
        created.EnsureSuccessStatusCode();
        var child = Guid.Parse((string)(await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
        using var referred = await civil.PostAsJsonAsync("/api/v1/referrals", new { childId = child, to = "health", need = "medical", urgency = "high", note = Name + " 需要体检" }, Ct);
        referred.EnsureSuccessStatusCode();
        var referral = (await referred.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        using var health = _app.Api("health");
        using var accepted = await health.PostAsJsonAsync($"/api/v1/referrals/{referral["id"]}/accept", new { version = (int)referral["version"]! }, Ct);
        accepted.EnsureSuccessStatusCode();
        var last = await _app.Services.GetRequiredService<BoardEventLog>().LastSequenceAsync(Ct);
        return (child, residentId, last);
    }

    [Fact]
    public async Task A_display_sessions_board_shows_the_event_but_no_name_not_even_masked()
    {
        chromium.RequireBrowser();
        await using var context = await chromium.NewContextAsync(_app.Address);
        var wall = new BoardPageObject(await context.NewPageAsync());
        await wall.OpenAsync("/");
        await wall.WorkAsAsync("civil-affairs", Role.Display);

        var (_, residentId, last) = await ActAsync();
        await wall.WaitForFeedItemAsync(last);

        var html = await wall.Page.ContentAsync();
        // The display role reads aggregates only: the feed says what happened and where, with no name at all.
        Assert.DoesNotContain(Masked, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(residentId, html, StringComparison.Ordinal);
        Assert.DoesNotContain(residentId[6..14], html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_display_session_cannot_open_the_register_or_a_file()
    {
        chromium.RequireBrowser();
        var (child, residentId, _) = await ActAsync();
        await using var context = await chromium.NewContextAsync(_app.Address);
        var wall = new BoardPageObject(await context.NewPageAsync());
        await wall.OpenAsync("/");
        await wall.WorkAsAsync("civil-affairs", Role.Display);

        foreach (var path in new[] { "/children", $"/children/{child}", "/referrals" })
        {
            await wall.Page.GotoAsync(path);
            await wall.Page.WaitForSelectorAsync("[data-testid=access-denied]", BoardPageObject.Visible);
            var html = await wall.Page.ContentAsync();
            Assert.DoesNotContain(Name, html, StringComparison.Ordinal);
            Assert.DoesNotContain(residentId, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hub_payloads_the_events_api_and_stored_summaries_carry_no_name_and_no_resident_id()
    {
        var received = new List<string>();
        await using var hub = _app.Hub("education");
        hub.On<JsonElement>("BoardEvent", e =>
        {
            lock (received)
            {
                received.Add(e.GetRawText());
            }
        });
        await hub.StartAsync(Ct);

        var (_, residentId, last) = await ActAsync();
        await Waiting.UntilAsync(() =>
        {
            lock (received)
            {
                return Task.FromResult(received.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("sequence").GetInt64()).Contains(last));
            }
        }, what: "the last event reaches the hub client");

        using var api = _app.Api("education");
        var viaApi = await api.GetStringAsync("/api/v1/board/events?after=0", Ct);
        await using var db = _app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Coordination.Core.Data.CoordinationDbContext>>().CreateDbContext();
        var summaries = (await db.BoardEvents.Select(e => new { e.Summary, e.Detail }).ToListAsync(Ct))
            .Select(e => e.Summary + " " + BoardEventDetail.ToStored(e.Detail)).ToList();

        string[] texts;
        lock (received)
        {
            texts = [.. received, viaApi, .. summaries];
        }
        Assert.True(texts.Length >= 6);
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain(Name, t, StringComparison.Ordinal);
            Assert.DoesNotContain(Masked, t, StringComparison.Ordinal);
            Assert.DoesNotContain(residentId, t, StringComparison.Ordinal);
            Assert.DoesNotContain(ResidentId.Mask(residentId), t, StringComparison.Ordinal);
        });
    }
}
