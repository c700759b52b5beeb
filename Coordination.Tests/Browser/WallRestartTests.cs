using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Core.Access;
using BoardProcess = Coordination.Tests.Durability.BoardProcess;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Browser;

/// <summary>
/// Issue 11, acceptance 4: the wall is a real board process that dies under an open wall page and comes back on the
/// same address. Nobody touches the page: it must be live again by itself and show what was recorded after the
/// restart — after a restart within 30 seconds, and after an outage during which it kept on trying.
/// </summary>
public sealed class WallRestartTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string DisplayEmail = "wall@restart.test";
    private const string Password = "meeting room display 2026 passphrase";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));
    private readonly Uri _address = new($"http://127.0.0.1:{BoardProcess.FreePort()}");
    private string _database = "";
    private string _key = "";

    // Reconnection attempts every 1–2 s instead of up to 30 s: the test waits for what a wall does, only sooner.
    private static readonly Dictionary<string, string> Settings = new() { ["Wall__ReconnectMaxDelayMs"] = "2000" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = Path.Combine(_folder, "board.db");
        var (code, output) = await BoardProcess.RunCliAsync(_database, "users", "add", "--email", DisplayEmail, "--agency", "civil-affairs", "--role", "display", "--password", Password);
        Assert.True(code == 0, output);
        (code, output) = await BoardProcess.RunCliAsync(_database, "apikeys", "add", "--agency", "civil-affairs", "--name", "wall-restart");
        Assert.True(code == 0, output);
        _key = output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith(ApiKey.Prefix, StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<long> RecordAsync()
    {
        using var api = new HttpClient { BaseAddress = _address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(kind: "household", township: "shishan-zhen"), Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        return (long)(await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["sequence"]!;
    }

    private async Task<IPage> OpenWallAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString("/wall"));
        await page.FillAsync("[data-testid=login-email]", DisplayEmail);
        await page.FillAsync("[data-testid=login-password]", Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await new WallPageObject(page).WaitLiveAsync();
        return page;
    }

    private static Task ExpectFeedItemAsync(IPage page, long sequence, float timeout) =>
        Expect(page.Locator($"[data-testid=wall-feed-item][data-sequence='{sequence}']")).ToBeAttachedAsync(new() { Timeout = timeout });

    [Fact]
    public async Task After_a_restart_on_the_same_address_the_open_wall_is_live_again_within_30_seconds_and_shows_a_new_event()
    {
        await using var context = await chromium.NewContextAsync(_address);
        IPage page;
        await using (var first = await BoardProcess.StartAsync(_database, _address, Settings))
        {
            page = await OpenWallAsync(context);
            await ExpectFeedItemAsync(page, await RecordAsync(), 15_000);
            await first.KillAsync();
        }
        await Expect(page.GetByTestId("wall-connection")).Not.ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });

        await using var second = await BoardProcess.StartAsync(_database, _address, Settings);

        await Expect(page.GetByTestId("wall-connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await ExpectFeedItemAsync(page, await RecordAsync(), 15_000);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("wall-after-restart.png") });
    }

    [Fact]
    public async Task After_an_outage_of_many_reconnection_attempts_the_wall_keeps_trying_and_comes_back_by_itself()
    {
        await using var context = await chromium.NewContextAsync(_address);
        IPage page;
        await using (var first = await BoardProcess.StartAsync(_database, _address, Settings))
        {
            page = await OpenWallAsync(context);
            await first.KillAsync();
        }

        // The server stays away while the page tries again and again; it never settles on "failed" or a blank page.
        await page.WaitForFunctionAsync(
            "() => Number(document.querySelector('[data-testid=wall-connection]')?.dataset.attempts ?? 0) >= 8",
            null, new() { Timeout = 60_000 });
        Assert.NotEqual("live", await page.GetByTestId("wall-connection").GetAttributeAsync("data-state"));
        Assert.True(await page.GetByTestId("wall").CountAsync() > 0, "the wall is still on the page while the server is away");

        await using var second = await BoardProcess.StartAsync(_database, _address, Settings);

        await Expect(page.GetByTestId("wall-connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await ExpectFeedItemAsync(page, await RecordAsync(), 15_000);
    }
}
