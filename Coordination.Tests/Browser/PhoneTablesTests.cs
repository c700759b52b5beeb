using Coordination.Core.Access;
using Coordination.Tests.Support;
using Microsoft.Playwright;

namespace Coordination.Tests.Browser;

/// <summary>
/// On a phone (390×844) the table pages do not squeeze their columns to a character a line: each row of the
/// register, the referrals and the audit trail is a card on the screen's width, one labelled line per column.
/// </summary>
public sealed class PhoneTablesTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp(demo: true);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>
    /// Of a row: its left and right edges, how many cells it shows, how many of them show their column's label
    /// before the value (MudBlazor's cards and the app's stack-on-phone both write it as <c>::before</c>), and on
    /// how many distinct lines the cells stand.
    /// </summary>
    private const string RowLayout = """
        row => {
          const box = row.getBoundingClientRect();
          const cells = [...row.querySelectorAll(':scope > td')].filter(td => td.getBoundingClientRect().height > 0);
          const labelled = cells.filter(td => {
            const c = getComputedStyle(td, '::before').content;
            return c && c !== 'none' && c !== 'normal' && c !== '""';
          });
          const lines = new Set(cells.map(td => Math.round(td.getBoundingClientRect().top)));
          return [box.left, box.right, cells.length, labelled.length, lines.size];
        }
        """;

    [Theory]
    [InlineData("/children", ".child-row", Role.Lead)]
    [InlineData("/referrals", "[data-testid=referrals-table] tbody tr", Role.Lead)]
    [InlineData("/admin/audit", "[data-testid=audit-row]", Role.Admin)]
    public async Task On_a_phone_each_row_is_a_card_of_labelled_lines_within_the_screen(string path, string rows, Role role)
    {
        await using var context = await chromium.NewContextAsync(_app.Address, 390, 844);
        var page = await context.NewPageAsync();
        var board = new BoardPageObject(page);
        await page.GotoAsync("/preferences/culture?culture=zh-CN&returnUrl=%2F");
        await board.OpenAsync("/");
        await board.WorkAsAsync("civil-affairs", role);
        await board.OpenAsync(path);

        var row = page.Locator(rows).First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        var layout = await row.EvaluateAsync<double[]>(RowLayout);
        var (left, right, cells, labelled, lines) = (layout[0], layout[1], (int)layout[2], (int)layout[3], (int)layout[4]);

        Assert.True(left >= -1 && right <= 391, $"the row spans {left}..{right} on a 390 px screen");
        Assert.True(cells >= 4, $"{cells} cells shown");
        Assert.Equal(cells, lines);
        Assert.True(labelled >= cells - 1, $"{labelled} of {cells} cells say their column's label");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath($"phone-table{path.Split('?')[0].Replace('/', '-')}.png") });
    }
}
