using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Browser;

/// <summary>
/// Nobody touches the wall: when its server stops and starts again on the same port, the page comes back by
/// itself (it reloads into a new circuit once the server answers) and shows what happened after the restart;
/// also after an outage longer than the stock reconnect script's attempts, after which that script gives up.
/// </summary>
public sealed class WallRestartTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private static readonly TimeSpan Back = TimeSpan.FromSeconds(30);

    // Short waits between attempts, so a test sees many attempts in a short outage.
    private readonly RestartableBoardApp _app = new(new Dictionary<string, string?> { ["Wall:ReconnectMaxDelayMs"] = "500" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.StartAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<long> RecordScreeningAsync()
    {
        using var api = _app.Api();
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(kind: "household"), Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        return (long)(await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["sequence"]!;
    }

    [Fact]
    public async Task After_a_server_restart_on_the_same_port_the_wall_is_live_again_within_30_seconds_and_shows_an_event_recorded_after_it()
    {
        chromium.RequireBrowser();
        await using var context = await chromium.NewContextAsync(_app.Address);
        var wall = new WallPageObject(await context.NewPageAsync());
        await wall.EnrolAndOpenAsync("/wall?panel=map");
        var before = await RecordScreeningAsync();
        await Expect(wall.Page.Locator($"[data-testid=wall-feed-item][data-sequence='{before}']")).ToBeVisibleAsync();

        await _app.StopAsync();
        await Expect(wall.Page.GetByTestId("wall-connection")).Not.ToHaveAttributeAsync("data-state", "live");
        await _app.StartAsync();
        var after = await RecordScreeningAsync();

        await Expect(wall.Page.Locator($"[data-testid=wall-feed-item][data-sequence='{after}']")).ToBeVisibleAsync(new() { Timeout = (float)Back.TotalMilliseconds });
        await Expect(wall.Page.GetByTestId("wall-connection")).ToHaveAttributeAsync("data-state", "live");
        await Expect(wall.Page.GetByTestId("wall-enrol-notice")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task After_an_outage_longer_than_the_stock_reconnect_attempts_the_wall_says_offline_since_and_comes_back_by_itself()
    {
        chromium.RequireBrowser();
        await using var context = await chromium.NewContextAsync(_app.Address);
        var wall = new WallPageObject(await context.NewPageAsync());
        await wall.EnrolAndOpenAsync("/wall");

        await _app.StopAsync();
        var indicator = wall.Page.GetByTestId("wall-connection");
        await Expect(indicator).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = 30_000 });
        await Expect(wall.Page.GetByTestId("wall-connection-text")).ToContainTextAsync(":");
        // The stock script stops after about 30 attempts; this one is still trying past 40.
        await Waiting.UntilAsync(
            async () => int.Parse(await indicator.GetAttributeAsync("data-attempts") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 40,
            TimeSpan.FromSeconds(60), "more than 40 reconnection attempts");
        await wall.Page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("wall-offline.png") });

        await _app.StartAsync();
        var after = await RecordScreeningAsync();
        await Expect(wall.Page.Locator($"[data-testid=wall-feed-item][data-sequence='{after}']")).ToBeVisibleAsync(new() { Timeout = (float)Back.TotalMilliseconds });
        await Expect(indicator).ToHaveAttributeAsync("data-state", "live");
    }
}
