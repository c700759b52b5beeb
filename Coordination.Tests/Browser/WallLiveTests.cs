using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Coordination.Core.Children;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Browser;

/// <summary>
/// The open wall follows the board without anyone touching it, and shows a room nothing that names a child:
/// no full name, resident ID or phone in its page, its circuit's frames or the API a display session reaches;
/// a township's count of 1 or 2 is "&lt;3".
/// </summary>
public sealed class WallLiveTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Name = "欧阳明月";
    private const string Masked = "欧**月";
    private const string GuardianName = "欧阳建国";
    private const string Phone = "13912345678";
    private BoardApp _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<(Guid Child, string ResidentId, long Sequence)> RegisterAsync(string township, string name = Name, string risk = "high")
    {
        var body = ScreeningBodies.NewChild(kind: "household", township: township, risk: risk);
        body["child"]!["name"] = name;
        body["child"]!["guardianName"] = GuardianName;
        body["child"]!["guardianRelation"] = "grandparent";
        body["child"]!["guardianPhone"] = Phone;
        using var civil = _app.Api("civil-affairs");
        using var created = await civil.PostAsJsonAsync("/api/v1/screenings", body, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var answer = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return (Guid.Parse((string)answer["childId"]!), (string)body["child"]!["residentId"]!, (long)answer["sequence"]!);
    }

    [Fact]
    public async Task A_screening_recorded_through_the_api_appears_on_the_open_wall_highlighted_with_the_counts_updated()
    {
        chromium.RequireBrowser();
        await RegisterAsync("ximei-jiedao", "林小雨", risk: "low");
        await using var context = await chromium.NewContextAsync(_app.Address);
        // The programmes panel is showing: the new event must be seen whatever the wall shows.
        var wall = new WallPageObject(await context.NewPageAsync());
        await wall.EnrolAndOpenAsync("/wall?panel=programmes");
        await Expect(wall.Page.GetByTestId("wall-active")).ToHaveTextAsync("1");
        await Expect(wall.Page.GetByTestId("wall-high-risk")).ToHaveTextAsync("0");

        var (_, _, sequence) = await RegisterAsync("shishan-zhen");

        var item = wall.Page.Locator($"[data-testid=wall-feed-item][data-sequence='{sequence}']");
        await Expect(item).ToHaveAttributeAsync("data-new", "true");
        // The room is told what happened and where, never whose file it is: not even a masked name.
        await Expect(item).ToContainTextAsync("诗山镇");
        await Expect(item).Not.ToContainTextAsync(Masked);
        await Expect(wall.Page.Locator($"[data-testid=wall-new-event][data-sequence='{sequence}']")).ToBeVisibleAsync();
        await Expect(wall.Page.GetByTestId("wall-active")).ToHaveTextAsync("2");
        await Expect(wall.Page.GetByTestId("wall-high-risk")).ToHaveTextAsync("1");
        Assert.Equal(sequence, await wall.SequenceAsync());
        await wall.Page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("wall-new-event.png") });

        // A few seconds later the highlight is over, by itself.
        await Expect(item).ToHaveAttributeAsync("data-new", "false", new() { Timeout = 20_000 });
        await Expect(wall.Page.GetByTestId("wall-new-event")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_display_sessions_wall_frames_and_reachable_api_carry_no_name_resident_id_or_phone_and_small_counts_show_as_under_three()
    {
        chromium.RequireBrowser();
        await using var context = await chromium.NewContextAsync(_app.Address);
        var page = await context.NewPageAsync();
        var frames = new List<string>();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            lock (frames)
            {
                frames.Add(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
            }
        };
        var wall = new WallPageObject(page);
        await wall.EnrolAndOpenAsync("/wall?layout=all");

        var (child, residentId, _) = await RegisterAsync("shishan-zhen");
        using var civil = _app.Api("civil-affairs");
        using var referred = await civil.PostAsJsonAsync("/api/v1/referrals", new { childId = child, to = "health", need = "medical", urgency = "high", note = Name + " " + Phone }, Ct);
        referred.EnsureSuccessStatusCode();
        var referral = (await referred.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var referralSequence = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Coordination.Core.Board.BoardEventLog>(_app.Services).LastSequenceAsync(Ct);
        await Expect(page.Locator($"[data-testid=wall-feed-item][data-sequence='{referralSequence}']")).ToBeVisibleAsync();

        var area = page.GetByTestId("wall-area-shishan-zhen");
        await Expect(area.GetByTestId("wall-area-children")).ToHaveTextAsync("<3");
        await Expect(area.GetByTestId("wall-area-high-risk")).ToHaveTextAsync("<3");
        await Expect(area.GetByTestId("wall-area-open")).ToHaveTextAsync("<3");
        await Expect(page.GetByTestId("wall-area-ximei-jiedao").GetByTestId("wall-area-children")).ToHaveTextAsync("0");

        var texts = new List<(string Where, string Text)> { ("page", await page.ContentAsync()) };
        foreach (var path in new[] { "/api/v1/board/events?after=0", "/api/v1/children", $"/api/v1/children/{child}", "/api/v1/referrals", $"/api/v1/referrals/{referral["id"]}", "/api/v1/programmes" })
        {
            var answer = await context.APIRequest.GetAsync(path);
            texts.Add((path + " " + answer.Status, await answer.TextAsync()));
            Assert.True(answer.Status is 200 or 403, $"{path}: {answer.Status}");
        }
        lock (frames)
        {
            Assert.NotEmpty(frames);
            texts.AddRange(frames.Select(f => ("circuit frame", f)));
        }
        foreach (var (where, text) in texts)
        {
            foreach (var secret in new[] { Name, Masked, GuardianName, Phone, residentId, ResidentId.Mask(residentId), residentId[6..14] })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} shows {secret}");
            }
        }
    }
}
