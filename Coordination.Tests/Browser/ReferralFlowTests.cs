using Coordination.Core.Children;
using Coordination.Tests.Support;
using Microsoft.Playwright;

namespace Coordination.Tests.Browser;

/// <summary>Education refers a child to the women's federation; each sees the other's move without reloading.</summary>
public sealed class ReferralFlowTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        await _app.DisposeAsync();
    }

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A browser profile kept open until the test is over, so a failure can still show its pages.</summary>
    private async Task<IBrowserContext> ContextAsync()
    {
        var context = await chromium.NewContextAsync(_app.Address);
        _contexts.Add(context);
        return context;
    }

    /// <summary>Counts the page's navigations from now on (a reload or a link followed); live updates make none.</summary>
    private static Func<int> CountNavigations(IPage page)
    {
        var count = 0;
        page.FrameNavigated += (_, frame) => count += frame == page.MainFrame ? 1 : 0;
        return () => count;
    }

    private readonly List<IPage> _pages = [];

    private BoardPageObject Track(IPage page)
    {
        _pages.Add(page);
        return new BoardPageObject(page);
    }

    /// <summary>When the flow fails, what each browser showed is saved beside the failure, to tell a slow machine from a fault.</summary>
    private async Task WithEvidenceAsync(Func<Task> flow)
    {
        try
        {
            await flow();
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException or Xunit.Sdk.XunitException)
        {
            var shots = new List<string>();
            foreach (var (page, i) in _pages.Select((p, i) => (p, i)))
            {
                var path = Path.Combine(Path.GetTempPath(), $"referral-flow-{Guid.NewGuid():N}-{i}.png");
                await page.ScreenshotAsync(new() { Path = path, FullPage = true });
                shots.Add($"{page.Url} → {path}");
            }
            throw new InvalidOperationException($"{ex.Message}\nPages: {string.Join("; ", shots)}", ex);
        }
    }

    [Fact]
    public Task Education_refers_a_child_to_the_federation_which_sees_it_live_accepts_and_education_sees_it_accepted_live() =>
        WithEvidenceAsync(ReferAcceptAndSeeItLiveAsync);

    private async Task ReferAcceptAndSeeItLiveAsync()
    {
        chromium.RequireBrowser();
        var educationContext = await ContextAsync();
        var federationContext = await ContextAsync();
        var education = Track(await educationContext.NewPageAsync());
        var educationBoard = Track(await educationContext.NewPageAsync());
        var federation = Track(await federationContext.NewPageAsync());
        var federationBoard = Track(await federationContext.NewPageAsync());

        await federation.OpenAsync("/referrals");
        await federation.WorkAsAsync("womens-federation");
        await federationBoard.OpenAsync("/");
        await education.OpenAsync("/screenings/new");
        await education.WorkAsAsync("education");
        await educationBoard.OpenAsync("/");
        await Assertions.Expect(federation.Page.Locator("[data-testid=referrals-empty]")).ToBeVisibleAsync();
        var federationNavigations = CountNavigations(federation.Page);
        var federationBoardNavigations = CountNavigations(federationBoard.Page);
        var educationBoardNavigations = CountNavigations(educationBoard.Page);

        // Education's school survey finds a psychological need, and refers it from there.
        var birth = new DateOnly(2014, 9, 3);
        await education.FillNewChildAsync("郑雨欣", TestResidentIds.Unique(birth, Sex.F), "女", "2014-09-03", "诗山镇", "留守儿童");
        await education.TypeAsync("school-name", "诗山中心小学");
        await education.ChooseAsync("screening-risk", "高");
        await education.Page.ClickAsync("[data-testid=need-psychological]");
        await education.TypeAsync("screening-findings", "性格内向，常独自哭泣");
        await education.Page.ClickAsync("[data-testid=record-save]");
        await education.Page.ClickAsync("[data-testid=refer-need-psychological]");
        var chosen = await education.Page.WaitForSelectorAsync("[data-testid=child-chosen]", BoardPageObject.Visible);
        Assert.Contains("郑*欣", await chosen!.InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(education.Page.Locator("[data-testid=referral-need]")).ToContainTextAsync("心理");
        await education.ChooseAsync("referral-to", "妇联");
        await education.ChooseAsync("referral-urgency", "紧急");
        await education.Page.FillAsync("[data-testid=referral-note]", "心灵微笑筛查建议尽快安排辅导");
        await education.Page.ClickAsync("[data-testid=referral-save]");
        await education.Page.WaitForURLAsync(url => url.Contains("box=outbox", StringComparison.Ordinal), new() { Timeout = 15_000 });
        var sentId = new Uri(education.Page.Url).Query.Split('&').Single(p => p.Contains("sent=", StringComparison.Ordinal)).Split('=')[1];
        var outboxRow = education.Page.Locator($"[data-testid=referral-row][data-referral-id=\"{sentId}\"]");
        await Assertions.Expect(outboxRow).ToHaveAttributeAsync("data-status", "pending");
        var educationNavigations = CountNavigations(education.Page);

        // The federation's inbox and board show it without a reload.
        var inboxRow = federation.Page.Locator($"[data-testid=referral-row][data-referral-id=\"{sentId}\"]");
        await Assertions.Expect(inboxRow).ToHaveAttributeAsync("data-status", "pending", new() { Timeout = 15_000 });
        await Assertions.Expect(inboxRow).ToContainTextAsync("郑*欣");
        await Assertions.Expect(inboxRow).ToContainTextAsync("紧急");
        await Assertions.Expect(federation.Page.Locator("[data-testid=box-inbox-count]")).ToHaveTextAsync("1");
        await Assertions.Expect(federationBoard.Page.Locator("[data-testid=agency-column-womens-federation] [data-testid=agency-referrals-waiting]"))
            .ToHaveAttributeAsync("data-count", "1", new() { Timeout = 15_000 });

        await inboxRow.Locator("[data-testid=referral-accept]").ClickAsync();
        await Assertions.Expect(inboxRow).ToHaveAttributeAsync("data-status", "accepted");

        // Education's outbox and board show the acceptance without a reload.
        await Assertions.Expect(outboxRow).ToHaveAttributeAsync("data-status", "accepted", new() { Timeout = 15_000 });
        await Assertions.Expect(outboxRow.Locator("[data-testid=referral-status]")).ToHaveTextAsync("已接收");
        var accepted = educationBoard.Page.Locator("[data-testid=feed-item][data-kind=\"referral.accepted\"]");
        await Assertions.Expect(accepted).ToContainTextAsync("接收教育局转介的郑*欣", new() { Timeout = 15_000 });
        await Assertions.Expect(educationBoard.Page.Locator("[data-testid=agency-column-womens-federation] [data-testid=agency-referrals-accepted]"))
            .ToHaveAttributeAsync("data-count", "1");

        Assert.Equal(0, educationNavigations());
        Assert.Equal(0, federationNavigations());
        Assert.Equal(0, federationBoardNavigations());
        Assert.Equal(0, educationBoardNavigations());
        Assert.DoesNotContain("郑雨欣", await federation.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("郑雨欣", await educationBoard.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_without_a_reason_is_marked_at_the_field_in_the_browser_and_nothing_changes()
    {
        chromium.RequireBrowser();
        var referral = await ReferralBodies.SendAsync(_app);
        await using var context = await chromium.NewContextAsync(_app.Address);
        var federation = new BoardPageObject(await context.NewPageAsync());
        await federation.OpenAsync("/referrals");
        await federation.WorkAsAsync("womens-federation");
        var row = federation.Page.Locator($"[data-testid=referral-row][data-referral-id=\"{referral["id"]}\"]");

        await row.Locator("[data-testid=referral-decline]").ClickAsync();
        await federation.Page.ClickAsync("[data-testid=referral-confirm]");

        var field = federation.Page.Locator("[data-testid=referral-action-panel] .mud-input-control").First;
        await Assertions.Expect(field).ToContainTextAsync("请填写理由。");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "pending");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-version", "1");
    }
}
