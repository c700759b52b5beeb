using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Assistance;
using Coordination.Core.Board;
using Coordination.Core.Export;
using Coordination.Core.Figures;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Coordination.Core.Figures.IndicatorCatalogue;

namespace Coordination.Tests.Figures;

/// <summary>
/// Acceptance 1 and 2 of issue 10: on a seeded set with counts known in advance, every indicator has one value,
/// the same in the figures service, the board's tile, the JSON API and the workbook read back, and equal to the
/// seed; 分乡镇's SUM row equals 汇总 and 数据 adds up to the same totals.
/// </summary>
public sealed class FiguresAgreementTests : IAsyncLifetime
{
    private const string TownA = "shishan-zhen";
    private const string TownB = "liucheng-jiedao";
    private static readonly Quarter Q = new(2026, 4);
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private BoardApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp(_time);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The seed, written so that each indicator's value is known before anything is counted.</summary>
    private async Task<Dictionary<string, decimal>> SeedAsync()
    {
        var screenings = _app.Services.GetRequiredService<ScreeningService>();
        var referrals = _app.Services.GetRequiredService<ReferralService>();
        var assistance = _app.Services.GetRequiredService<AssistanceService>();
        var today = new BoardClock(_time, BoardClock.ChinaStandardTime).Today;
        var serial = 500;

        async Task<Guid> Child(Actor by, string township, string risk, params string[] categories)
        {
            var child = TestInputs.NewChild(name: "测试儿童", serial: serial++, township: township, categories: categories);
            return (await screenings.RecordAsync(by, TestInputs.OfNewChild(by, child, today, risk), Ct)).ChildId;
        }

        // Three left-behind children in town A (two assessed high), two disabled children in town B.
        var a1 = await Child(TestInputs.CivilAffairs, TownA, "high", "left-behind");
        var a2 = await Child(TestInputs.CivilAffairs, TownA, "high", "left-behind");
        var a3 = await Child(TestInputs.CivilAffairs, TownA, "low", "left-behind");
        var b1 = await Child(TestInputs.WomensFederation, TownB, "low", "disabled");
        var b2 = await Child(TestInputs.WomensFederation, TownB, "low", "disabled");
        await screenings.RecordAsync(TestInputs.Health, TestInputs.OfChild(TestInputs.Health, a3, today), Ct);
        await screenings.RecordAsync(TestInputs.Education, TestInputs.OfChild(TestInputs.Education, b1, today), Ct);

        // Two referrals, one accepted and completed at once (on time), one left pending within its due time.
        var done = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(a3), Ct);
        var accepted = await referrals.AcceptAsync(TestInputs.WomensFederation, done.Referral.Id, done.Referral.Version, Ct);
        await referrals.CompleteAsync(TestInputs.WomensFederation, done.Referral.Id, accepted.Referral.Version, "已安排心理辅导。", Ct);
        await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(b2, urgency: "normal"), Ct);

        async Task Help(Actor by, Guid child, string kind, int? count = null, decimal? amount = null) =>
            await assistance.RecordAsync(by, new RecordAssistance(child, kind, null, today, count, amount, null), Ct);

        await Help(TestInputs.CivilAffairs, a1, "micro-wish");
        await Help(TestInputs.CivilAffairs, b1, "micro-wish", 2);
        await Help(TestInputs.CivilAffairs, a1, "golden-autumn-aid", amount: 1000.50m);
        await Help(TestInputs.CivilAffairs, b2, "golden-autumn-aid", amount: 500m);
        await Help(TestInputs.CivilAffairs, a2, "saturday-class", 3);
        await Help(TestInputs.CivilAffairs, a3, "saturday-class", 1);
        await Help(TestInputs.CivilAffairs, a2, "hope-cabin");
        await Help(TestInputs.Health, b1, "green-channel");
        await Help(TestInputs.Health, b2, "insurance-reduction", amount: 200m);
        await Help(TestInputs.WomensFederation, b1, "counselling", 2);
        await Help(TestInputs.WomensFederation, a1, "pairing");
        await Help(TestInputs.WomensFederation, a3, "home-visit", 4);

        var expected = Computed.ToDictionary(i => i.Key, _ => 0m);
        expected[RegisterKey(Core.Children.ChildCategory.LeftBehind)] = 3;
        expected[RegisterKey(Core.Children.ChildCategory.Disabled)] = 2;
        expected[EnrolledKey(Core.Children.ChildCategory.LeftBehind)] = 3;
        expected[EnrolledKey(Core.Children.ChildCategory.Disabled)] = 2;
        expected[ScreeningsKey(ScreeningKind.Household)] = 3;
        expected[ScreeningsKey(ScreeningKind.Psychological)] = 2;
        expected[ScreeningsKey(ScreeningKind.HealthCheck)] = 1;
        expected[ScreeningsKey(ScreeningKind.SchoolSurvey)] = 1;
        expected[HighRisk] = 2;
        expected[ReferralsSent] = 2;
        expected[ReferralsAccepted] = 1;
        expected[ReferralsCompleted] = 1;
        expected[ReferralsCompletedOnTime] = 1;
        expected[MicroWishes] = 3;
        expected[MicroWishChildren] = 2;
        expected[GoldenAutumnPupils] = 2;
        expected[GoldenAutumnYuan] = 1500.50m;
        expected[SaturdayAttendances] = 4;
        expected[SaturdayTownships] = 1;
        expected[HopeCabins] = 1;
        expected[HopeCabinsTarget] = 50; // data/programmes.csv: hope-cabins-2026, target 50, running to year end
        expected[GreenChannel] = 1;
        expected[InsuranceCases] = 1;
        expected[InsuranceYuan] = 200m;
        expected[Counselling] = 2;
        expected[Pairings] = 1;
        expected[HomeVisits] = 4;
        return expected;
    }

    [Fact]
    public async Task Every_indicator_is_the_same_number_in_the_service_the_board_the_api_and_the_workbook_and_equals_the_seed()
    {
        var expected = await SeedAsync();
        var lead = new Actor("civil-affairs", "统计员", Role.Lead);
        var service = await _app.Services.GetRequiredService<FiguresService>().ReportAsync(lead, Q, Ct);
        var board = await _app.Services.GetRequiredService<BoardSnapshotService>().GetLatestAsync(lead, Ct);

        using var browser = new HttpBrowser(_app.Address);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(BoardApp.EmailOf("civil-affairs", Role.Lead), BoardApp.Password)).Status);
        var json = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/v1/figures?quarter={Q}", Ct))!;
        var api = json["indicators"]!.AsArray().ToDictionary(i => (string)i!["key"]!, i => i!["value"] is { } v ? (decimal?)v.GetValue<decimal>() : null);
        using var download = await browser.Http.GetAsync($"/api/v1/figures/{Q}.xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await download.Content.ReadAsByteArrayAsync(Ct)));
        var summary = SummaryValues(workbook.Worksheet(QuarterlyWorkbook.Summary));

        var boardTiles = new Dictionary<string, decimal>
        {
            [HighRisk] = board.Kpis.HighRiskChildren,
            [ScreeningsKey(ScreeningKind.Household)] = board.Columns.Single(c => c.AgencyKey == "civil-affairs").ScreeningsThisQuarter,
            [ScreeningsKey(ScreeningKind.Psychological)] = board.Columns.Single(c => c.AgencyKey == "womens-federation").ScreeningsThisQuarter,
            [ScreeningsKey(ScreeningKind.HealthCheck)] = board.Columns.Single(c => c.AgencyKey == "health").ScreeningsThisQuarter,
            [ScreeningsKey(ScreeningKind.SchoolSurvey)] = board.Columns.Single(c => c.AgencyKey == "education").ScreeningsThisQuarter,
        };
        foreach (var (category, count) in board.Kpis.ByCategory)
        {
            boardTiles[RegisterKey(category)] = count;
        }

        foreach (var indicator in Computed)
        {
            var seeded = expected[indicator.Key];
            Assert.True(seeded == service.Current.Total(indicator.Key), $"{indicator.Key}: service {service.Current.Total(indicator.Key)}, seeded {seeded}");
            Assert.True(seeded == api[indicator.Key], $"{indicator.Key}: API {api[indicator.Key]}, seeded {seeded}");
            Assert.True(seeded == summary[indicator.Key], $"{indicator.Key}: workbook {summary[indicator.Key]}, seeded {seeded}");
            if (boardTiles.TryGetValue(indicator.Key, out var tile))
            {
                Assert.True(seeded == tile, $"{indicator.Key}: board {tile}, seeded {seeded}");
            }
        }
        Assert.Equal(5, board.Kpis.ActiveChildren);
        Assert.Equal(12, boardTiles.Count);
    }

    [Fact]
    public async Task The_township_sheets_sum_formulas_and_the_data_sheet_add_up_to_the_summary()
    {
        await SeedAsync();
        var lead = new Actor("civil-affairs", "统计员", Role.Lead);
        var file = new MemoryStream();
        await _app.Services.GetRequiredService<FiguresService>().WriteWorkbookAsync(lead, Q, file, Ct);
        file.Position = 0;
        using var workbook = new XLWorkbook(file);
        var summary = SummaryValues(workbook.Worksheet(QuarterlyWorkbook.Summary));

        var areas = workbook.Worksheet(QuarterlyWorkbook.ByArea);
        var total = areas.Column(1).CellsUsed().Single(c => c.GetString() == "合计").Address.RowNumber;
        var additive = Computed.Where(i => i.Additive).ToList();
        Assert.Equal(27, total - 7);
        for (var c = 0; c < additive.Count; c++)
        {
            var cell = areas.Cell(total, c + 2);
            Assert.StartsWith("SUM(", cell.FormulaA1, StringComparison.Ordinal);
            Assert.True(summary[additive[c].Key] == (decimal)cell.GetDouble(), $"{additive[c].Key}: 分乡镇 {cell.GetDouble()}, 汇总 {summary[additive[c].Key]}");
        }

        var data = workbook.Worksheet(QuarterlyWorkbook.Data);
        var sums = data.RowsUsed().Skip(1)
            .GroupBy(r => r.Cell(6).GetString())
            .ToDictionary(g => g.Key, g => g.Sum(r => (decimal)r.Cell(9).GetDouble()));
        foreach (var i in Computed)
        {
            Assert.True(summary[i.Key] == sums[i.Key], $"{i.Key}: 数据 {sums[i.Key]}, 汇总 {summary[i.Key]}");
        }
        Assert.Contains(summary, kv => kv.Value != 0);
    }

    [Fact]
    public async Task An_empty_quarter_gives_a_workbook_of_zeros()
    {
        var lead = new Actor("civil-affairs", "统计员", Role.Lead);
        var file = new MemoryStream();
        await _app.Services.GetRequiredService<FiguresService>().WriteWorkbookAsync(lead, Q, file, Ct);
        file.Position = 0;
        using var workbook = new XLWorkbook(file);

        var summary = SummaryValues(workbook.Worksheet(QuarterlyWorkbook.Summary));
        Assert.All(Computed.Where(i => i.Key != HopeCabinsTarget), i => Assert.Equal(0m, summary[i.Key]));
    }

    [Theory]
    [InlineData("2026-3", "Error.Quarter.Malformed")]
    [InlineData("2026Q5", "Error.Quarter.Malformed")]
    [InlineData("", "Error.Quarter.Required")]
    [InlineData("2027Q1", "Error.Quarter.Future")]
    [InlineData("2019Q4", "Error.Quarter.BeforeRegister")]
    public async Task A_bad_quarter_is_refused_at_the_api_naming_the_field(string quarter, string code)
    {
        using var api = _app.Api("civil-affairs");

        using var response = await api.GetAsync($"/api/v1/figures?quarter={quarter}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(code, (string)problem["codes"]!["quarter"]![0]!);
        Assert.Equal(_app.Chinese(code), (string)problem["errors"]!["quarter"]![0]!);
    }

    [Theory]
    [InlineData(Role.Liaison, HttpStatusCode.Forbidden)]
    [InlineData(Role.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Role.Display, HttpStatusCode.Forbidden)]
    [InlineData(Role.Lead, HttpStatusCode.OK)]
    [InlineData(Role.Admin, HttpStatusCode.OK)]
    public async Task Only_leads_and_the_administrator_download_the_workbook(Role role, HttpStatusCode expected)
    {
        using var browser = new HttpBrowser(_app.Address);
        await browser.SignInAsync(BoardApp.EmailOf("civil-affairs", role), BoardApp.Password);

        using var download = await browser.Http.GetAsync($"/api/v1/figures/{Q}.xlsx", Ct);
        using var json = await browser.Http.GetAsync($"/api/v1/figures?quarter={Q}", Ct);

        Assert.Equal(expected, download.StatusCode);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
    }

    [Fact]
    public async Task The_cli_export_and_the_api_download_give_the_same_cells()
    {
        await SeedAsync();
        var path = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N") + ".xlsx");
        using var output = new StringWriter();

        var code = await Coordination.Web.Cli.CommandLine.RunAsync(_app.Services, ["export", "--quarter", Q.ToString(), "--out", path], output, Ct);

        Assert.Equal(0, code);
        using var browser = new HttpBrowser(_app.Address);
        await browser.SignInAsync(BoardApp.EmailOf("civil-affairs", Role.Lead), BoardApp.Password);
        using var download = await browser.Http.GetAsync($"/api/v1/figures/{Q}.xlsx", Ct);
        Assert.Equal(QuarterlyWorkbook.FileName(Q), download.Content.Headers.ContentDisposition!.FileNameStar);
        using var fromApi = new XLWorkbook(new MemoryStream(await download.Content.ReadAsByteArrayAsync(Ct)));
        using var fromCli = new XLWorkbook(path);
        File.Delete(path);
        WorkbookCells.AssertSame(fromApi, fromCli);
        Assert.Equal(10, fromApi.Worksheets.Count); // 封面 汇总 分乡镇, four agencies, 转介明细 指标说明 数据
    }

    [Theory]
    [InlineData("2026Q7", "Error.Quarter.Malformed")]
    [InlineData("2030Q1", "Error.Quarter.Future")]
    public async Task A_bad_quarter_at_the_cli_exits_non_zero_with_the_message_and_writes_no_file(string quarter, string code)
    {
        var path = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N") + ".xlsx");
        using var output = new StringWriter();

        var exit = await Coordination.Web.Cli.CommandLine.RunAsync(_app.Services, ["export", "--quarter", quarter, "--out", path], output, Ct);

        Assert.NotEqual(0, exit);
        Assert.Contains("--quarter: " + _app.Chinese(code), output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private static Dictionary<string, decimal> SummaryValues(IXLWorksheet sheet) =>
        sheet.RowsUsed().Where(r => r.RowNumber() > 6 && IndicatorCatalogue.TryGet(r.Cell(2).GetString(), out _))
            .Where(r => IndicatorCatalogue.Get(r.Cell(2).GetString()).IsComputed)
            .ToDictionary(r => r.Cell(2).GetString(), r => (decimal)r.Cell(5).GetDouble());
}
