using Coordination.Core;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coordination.Tests.Browser;

/// <summary>The child search (one MudAutocomplete for every form) in a real browser: type, see the list, click a child.</summary>
public sealed class ChildSearchBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_liaison_types_a_name_sees_no_match_or_the_child_masked_and_clicks_it_to_refer_it()
    {
        chromium.RequireBrowser();
        var address = _app.Address;
        var child = TestInputs.NewChild(name: "周小燕", serial: 41);
        var recorded = await _app.Services.GetRequiredService<ScreeningService>()
            .RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, child, _app.Services.GetRequiredService<BoardClock>().Today, "low"), Xunit.TestContext.Current.CancellationToken);
        await using var context = await chromium.NewContextAsync(address);
        var education = new BoardPageObject(await context.NewPageAsync());
        await education.OpenAsync("/referrals/new");
        await education.WorkAsAsync("education");

        await education.Page.FillAsync("input[data-testid=child-search]", "查无此人");
        await Assertions.Expect(education.Page.Locator(".mud-popover-open [data-testid=child-none]")).ToHaveTextAsync("没有找到匹配的儿童。");

        var shown = await education.SearchChildAsync("周小燕", recorded.ChildId);

        Assert.StartsWith("周*燕 · 男", shown, StringComparison.Ordinal);
        var chosen = education.Page.Locator("[data-testid=child-chosen]");
        await Assertions.Expect(chosen).ToHaveAttributeAsync("data-child-id", recorded.ChildId.ToString());
        await Assertions.Expect(chosen).ToContainTextAsync("周*燕");
        await Assertions.Expect(education.Page.Locator("input[data-testid=child-search]")).ToHaveValueAsync("周*燕");

        // Opened again, the list offers the chosen child, not a search for its masked name.
        await education.Page.ClickAsync("input[data-testid=child-search]");
        await Assertions.Expect(education.Page.Locator($".mud-popover-open [data-testid=child-result][data-child-id=\"{recorded.ChildId}\"]")).ToBeVisibleAsync();
    }
}
