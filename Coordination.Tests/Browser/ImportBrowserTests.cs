using System.Globalization;
using Coordination.Core.Children;
using Coordination.Tests.Support;
using Microsoft.Playwright;

namespace Coordination.Tests.Browser;

/// <summary>
/// A school clerk brings in the school's own register on <c>/import</c> while a federation liaison watches the board:
/// the file's unknown name column is corrected in the mapping, the dry run says what becomes of each row, the
/// refused row is left out, and the new children reach the other board without a reload.
/// </summary>
public sealed class ImportBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    // "孩子名字" is not a header the board knows for the name: the clerk must say which column it is.
    private static readonly string[] Headers = ["孩子名字", "性别", "出生日期", "身份证号", "乡镇", "学校", "儿童类别", "摸排日期", "风险等级"];

    private static object?[] Row(string name, DateOnly birth, string id) =>
        [name, "女", birth.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), id, "诗山镇", "诗山中心小学", "留守儿童", "2026年9月15日", "中"];

    [Fact]
    public async Task A_clerk_corrects_a_column_reads_the_dry_run_applies_it_and_another_board_shows_the_children_live()
    {
        chromium.RequireBrowser();
        var birth = new DateOnly(2015, 3, 2);
        var good = Enumerable.Range(0, 3).Select(i => Row("导入童" + i, birth.AddDays(i), TestResidentIds.Unique(birth.AddDays(i), Sex.F))).ToList();
        var refused = Row("校验错", birth, TestResidentIds.WithWrongCheck(TestResidentIds.Unique(birth, Sex.F)));
        var file = ImportFiles.Xlsx(Headers, [good[0], good[1], refused, good[2]]);

        await using var federationContext = await chromium.NewContextAsync(_app.Address);
        await using var educationContext = await chromium.NewContextAsync(_app.Address);
        var federation = new BoardPageObject(await federationContext.NewPageAsync());
        var clerk = new BoardPageObject(await educationContext.NewPageAsync());
        await federation.OpenAsync("/");
        await federation.WorkAsAsync("womens-federation");
        await clerk.OpenAsync("/import");
        await clerk.WorkAsAsync("education");
        await clerk.Page.WaitForSelectorAsync("[data-testid=import-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        var activeBefore = await federation.KpiAsync("kpi-active");
        var rowsBefore = await _app.CountRowsAsync();

        await clerk.Page.SetInputFilesAsync("input[type=file]", new FilePayload
        {
            Name = "诗山中心小学留守儿童花名册.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = file,
        });

        // The name column was not found by its header: the mapping is shown with the reason at the field.
        var nameField = clerk.Page.Locator(".mud-input-control").Filter(new() { Has = clerk.Page.Locator("[data-testid=import-map-name]") });
        await Assertions.Expect(nameField).ToContainTextAsync("文件里找不到这一列", new() { Timeout = 15_000 });
        Assert.Equal(0, await clerk.Page.Locator("[data-testid=import-report]").CountAsync());

        await clerk.ChooseAsync("import-map-name", "孩子名字");
        await clerk.Page.ClickAsync("[data-testid=import-check]");

        // The dry run: rows 2, 3 and 5 are new children, row 4 is refused at its column with the reason; nothing written.
        await Assertions.Expect(clerk.Page.Locator("[data-testid=import-report]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        foreach (var row in new[] { 2, 3, 5 })
        {
            await Assertions.Expect(clerk.Page.Locator($"[data-testid=import-outcome-{row}]")).ToHaveAttributeAsync("data-outcome", "new");
        }
        await Assertions.Expect(clerk.Page.Locator("[data-testid=import-outcome-4]")).ToHaveAttributeAsync("data-outcome", "refused");
        var refusedLine = clerk.Page.Locator("tr").Filter(new() { Has = clerk.Page.Locator("[data-testid=import-outcome-4]") });
        await Assertions.Expect(refusedLine).ToContainTextAsync("身份证号");
        await Assertions.Expect(refusedLine).ToContainTextAsync("校验位");
        await Assertions.Expect(clerk.Page.Locator("[data-testid=import-apply]")).ToBeDisabledAsync();
        Assert.Equal(rowsBefore, await _app.CountRowsAsync());

        // The refused row is left out; the rest goes in at once.
        await clerk.Page.ClickAsync("[data-testid=import-leave-out]");
        await Assertions.Expect(clerk.Page.Locator("[data-testid=import-apply]")).ToBeEnabledAsync();
        await clerk.Page.ClickAsync("[data-testid=import-apply]");
        await Assertions.Expect(clerk.Page.Locator("[data-testid=import-done]")).ToContainTextAsync("3", new() { Timeout = 30_000 });

        // The federation's board, open all along, counts the three new children without a reload.
        await federation.WaitForKpiAsync("kpi-active", activeBefore + 3);
        Assert.DoesNotContain("导入童0", await federation.Page.ContentAsync(), StringComparison.Ordinal);
    }
}
