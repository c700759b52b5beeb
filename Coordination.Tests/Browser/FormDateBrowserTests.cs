using System.Globalization;
using Coordination.Core;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coordination.Tests.Browser;

/// <summary>The forms' date fields in a real browser: shown as 2026年12月2日, typed as 2026-12-02 or 2026/12/2.</summary>
public sealed class FormDateBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_screening_date_shows_in_Chinese_and_a_typed_date_is_shown_the_same_way_once_left()
    {
        chromium.RequireBrowser();
        var today = _app.Services.GetRequiredService<BoardClock>().Today;
        await using var context = await chromium.NewContextAsync(_app.Address);
        var health = new BoardPageObject(await context.NewPageAsync());
        await health.OpenAsync("/screenings/new");
        await health.WorkAsAsync("health");
        var date = health.Page.Locator("input[data-testid=screening-date]");

        await Assertions.Expect(date).ToHaveValueAsync(today.ToString("yyyy年M月d日", CultureInfo.InvariantCulture));
        await health.TypeAsync("screening-date", "2025/3/4");
        await Assertions.Expect(date).ToHaveValueAsync("2025年3月4日");
        await health.TypeAsync("screening-date", "2025-03-05");
        await Assertions.Expect(date).ToHaveValueAsync("2025年3月5日");
    }

    [Fact]
    public async Task In_English_the_date_shows_as_2_Dec_2026_and_a_date_typed_in_Chinese_is_read()
    {
        chromium.RequireBrowser();
        var today = _app.Services.GetRequiredService<BoardClock>().Today;
        await using var context = await chromium.NewContextAsync(_app.Address, 1366, 768);
        var page = await context.NewPageAsync();
        var health = new BoardPageObject(page);
        await page.GotoAsync("/preferences/culture?culture=en-US&returnUrl=%2F");
        await health.OpenAsync("/screenings/new");
        await health.WorkAsAsync("health");
        var date = page.Locator("input[data-testid=screening-date]");

        await Assertions.Expect(date).ToHaveValueAsync(today.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        await health.TypeAsync("screening-date", "2025年3月4日");
        await Assertions.Expect(date).ToHaveValueAsync("4 Mar 2025");
    }
}
