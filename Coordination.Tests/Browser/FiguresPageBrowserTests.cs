using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Export;
using Coordination.Core.Figures;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Browser;

/// <summary>
/// Issue 10, acceptance 5 (with <see cref="FiguresLiveTests"/> for the live submission state) and 4 (the page's
/// download beside the API's): /figures in a real browser — the quarter picker opens the quarter typed, a number
/// opens the records behind it (names masked), and the download arrives as a valid .xlsx whose every cell equals the
/// API download's.
/// </summary>
public sealed class FiguresPageBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_picker_opens_the_quarter_a_number_opens_its_records_and_the_download_is_the_api_workbook()
    {
        chromium.RequireBrowser();
        var quarter = Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).Previous;
        const int seeded = 3;
        using (var civil = _app.Api("civil-affairs"))
        {
            for (var i = 0; i < seeded; i++)
            {
                var body = ScreeningBodies.NewChild(kind: "household");
                body["date"] = quarter.FirstDay.AddDays(5 + i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                using var created = await civil.PostAsJsonAsync("/api/v1/screenings", body, Ct);
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
            }
        }
        using var api = new HttpBrowser(_app.Address);
        await api.SignInAsync(BoardApp.EmailOf("civil-affairs", Role.Lead), BoardApp.Password);
        var json = (await api.Http.GetFromJsonAsync<JsonObject>($"/api/v1/figures?quarter={quarter}", Ct))!;
        var key = IndicatorCatalogue.ScreeningsKey(ScreeningKind.Household);
        var expected = json["indicators"]!.AsArray().Single(i => (string)i!["key"]! == key)!["value"]!.GetValue<decimal>();
        Assert.True(expected >= seeded, $"{key} is {expected}, at least the {seeded} seeded");

        await using var context = await chromium.NewContextAsync(_app.Address);
        var board = new BoardPageObject(await context.NewPageAsync());
        await board.OpenAsync("/figures");
        await board.WorkAsAsync("civil-affairs", Role.Lead);
        var page = board.Page;

        // The picker: type the quarter, show it; the address and the period line follow.
        await page.Locator("input[data-testid=figures-quarter], [data-testid=figures-quarter] input").First.FillAsync(quarter.ToString());
        await page.GetByTestId("figures-apply").ClickAsync();
        await Expect(page.GetByTestId("figures-period")).ToContainTextAsync(quarter.ToString());
        await page.WaitForURLAsync(url => url.Contains("quarter=" + quarter, StringComparison.Ordinal));

        // A number opens its records: as many lines as the number says, names masked.
        var row = page.Locator($"[data-testid=figure-row][data-key='{key}']").First;
        await Expect(row.GetByTestId("figure-value")).ToHaveTextAsync(expected.ToString("N0", CultureInfo.InvariantCulture));
        await row.GetByTestId("figure-open").ClickAsync();
        var records = page.GetByTestId("figure-records");
        await Expect(records).ToHaveAttributeAsync("data-key", key);
        await Expect(records.GetByTestId("figure-record")).ToHaveCountAsync((int)expected);
        Assert.DoesNotContain("测试儿童", await records.InnerTextAsync(), StringComparison.Ordinal);

        // The download arrives as a file of its own name, and reads back cell for cell as the API's workbook.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("figures-download").ClickAsync());
        Assert.Equal(QuarterlyWorkbook.FileName(quarter), download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N") + ".xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await download.SaveAsAsync(path);
        using var fromPage = new XLWorkbook(path);
        File.Delete(path);
        using var response = await api.Http.GetAsync($"/api/v1/figures/{quarter}.xlsx", Ct);
        using var fromApi = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var compared = WorkbookCells.AssertSame(fromApi, fromPage);
        Assert.True(compared > 100, $"only {compared} cells compared");
        var summary = fromPage.Worksheet(QuarterlyWorkbook.Summary);
        var line = summary.RowsUsed().Single(r => r.Cell(2).GetString() == key);
        Assert.Equal(expected, (decimal)line.Cell(5).GetDouble());
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("figures-records.png"), FullPage = true });
    }
}
