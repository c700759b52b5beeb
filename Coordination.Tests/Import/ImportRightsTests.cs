using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Core.Access;
using Coordination.Core.Children;
using Coordination.Tests.Support;
using Coordination.Web.Cli;

namespace Coordination.Tests.Import;

/// <summary>
/// Issue 12, acceptance 4 (API and CLI; the page is another's): a viewer, the display, another agency's kind and a
/// township importing another township's children are refused, and nothing is written. Bad uploads get problem
/// details, never a 500.
/// </summary>
public sealed class ImportRightsTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Headers = ["姓名", "性别", "出生日期", "身份证号", "乡镇（街道）", "儿童类别", "风险等级"];

    private static int _serial = 7000;

    private static object?[] Child(string township = "诗山镇")
    {
        var serial = Interlocked.Increment(ref _serial);
        var birth = new DateOnly(2013, 1, 1).AddDays(serial % 1800);
        return ["童" + serial, "男", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TestResidentIds.For(birth, Sex.M, serial), township, "留守儿童", "低"];
    }

    private static byte[] File(params object?[][] rows) => ImportFiles.Xlsx(Headers, rows);

    private static MultipartFormDataContent Form(byte[] file, string name = "register.xlsx", params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }
        return form;
    }

    private async Task<HttpBrowser> SignedInAsync(string agency, Role role)
    {
        var browser = new HttpBrowser(_app.Address);
        Assert.True((await browser.SignInAsync(BoardApp.EmailOf(agency, role), BoardApp.Password)).SignedIn);
        browser.Http.DefaultRequestHeaders.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        return browser;
    }

    private async Task<(int Code, string Output)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(_app.Services, args, output, Ct);
        return (code, output.ToString());
    }

    private string Temp(byte[] content, string name = "register.xlsx")
    {
        var folder = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public static TheoryData<string, Role> Refused => new()
    {
        { "education", Role.Viewer }, { "education", Role.Display }, { "education", Role.Admin },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_viewer_the_display_and_the_administrator_are_refused_at_the_api(string agency, Role role)
    {
        using var browser = await SignedInAsync(agency, role);
        var before = await _app.CountRowsAsync();
        var file = File(Child());

        foreach (var path in new[] { "/api/v1/import/dry-run", "/api/v1/import/apply", "/api/v1/import/report.xlsx" })
        {
            using var response = await browser.Http.PostAsync(path, Form(file), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            Assert.Equal(_app.Chinese("Error.Forbidden"), (string?)problem["title"]);
        }
        using var template = await browser.Http.GetAsync("/api/v1/import/template", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_viewer_the_display_and_the_administrator_are_refused_at_the_cli(string agency, Role role)
    {
        var before = await _app.CountRowsAsync();
        var path = Temp(File(Child()));

        var (code, output) = await CliAsync("import", "--file", path, "--agency", agency, "--as", BoardApp.EmailOf(agency, role));
        var (dryCode, _) = await CliAsync("import", "--file", path, "--agency", agency, "--dry-run", "--as", BoardApp.EmailOf(agency, role));

        Assert.Equal(3, code);
        Assert.Equal(3, dryCode);
        Assert.Contains(_app.Chinese("Error.Forbidden"), output, StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task Another_agencys_kind_is_refused_at_the_api_and_the_cli()
    {
        var before = await _app.CountRowsAsync();
        using var browser = await SignedInAsync("education", Role.Liaison);
        var file = File(Child());

        using var response = await browser.Http.PostAsync("/api/v1/import/apply", Form(file, fields: ("agency", "health")), Ct);
        using var template = await browser.Http.GetAsync("/api/v1/import/template?agency=health", Ct);
        var (code, output) = await CliAsync("import", "--file", Temp(file), "--agency", "health", "--as", BoardApp.EmailOf("education"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(_app.Chinese("Error.Import.OtherAgency"), (string?)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["title"]);
        Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
        Assert.Equal(3, code);
        Assert.Contains(_app.Chinese("Error.Import.OtherAgency"), output, StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task A_township_imports_its_own_townships_children_as_household_screenings_and_is_refused_another_townships()
    {
        using var browser = await SignedInAsync("civil-affairs", Role.Township);
        var own = Child("诗山镇");
        var other = Child("丰州镇");
        var mixed = File(own, other);
        var before = await _app.CountRowsAsync();

        using var dryRun = await browser.Http.PostAsync("/api/v1/import/dry-run", Form(mixed), Ct);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var report = (await dryRun.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("household", (string?)report["kind"]);
        var rows = report["rows"]!.AsArray();
        Assert.Equal("new", (string?)rows[0]!["outcome"]);
        Assert.Equal("refused", (string?)rows[1]!["outcome"]);
        Assert.Equal(_app.Chinese("Error.Import.OtherTownship"), (string?)rows[1]!["problems"]![0]!["message"]);
        Assert.Equal("乡镇（街道）", (string?)rows[1]!["problems"]![0]!["column"]);

        using var apply = await browser.Http.PostAsync("/api/v1/import/apply", Form(mixed), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, apply.StatusCode);
        Assert.Equal(_app.Chinese("Error.Import.NotClean"), (string?)(await apply.Content.ReadFromJsonAsync<JsonObject>(Ct))!["title"]);
        var (code, output) = await CliAsync("import", "--file", Temp(mixed), "--agency", "civil-affairs", "--as", BoardApp.EmailOf("civil-affairs", Role.Township));
        Assert.Equal(1, code);
        Assert.Contains(_app.Chinese("Error.Import.OtherTownship"), output, StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountRowsAsync());

        // Its own township's child alone goes in.
        using var ownOnly = await browser.Http.PostAsync("/api/v1/import/apply", Form(File(own)), Ct);
        Assert.Equal(HttpStatusCode.OK, ownOnly.StatusCode);
        Assert.Equal(before.Children + 1, (await _app.CountRowsAsync()).Children);
    }

    [Fact]
    public async Task A_township_is_refused_a_child_of_another_township_already_on_the_register()
    {
        var child = Child("丰州镇");
        using (var civil = await SignedInAsync("civil-affairs", Role.Liaison))
        {
            using var registered = await civil.Http.PostAsync("/api/v1/import/apply", Form(File(child)), Ct);
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }
        var again = (object?[])child.Clone();
        again[4] = "诗山镇"; // the clerk's township, not the register's
        again[6] = "高";
        using var browser = await SignedInAsync("civil-affairs", Role.Township);
        var before = await _app.CountRowsAsync();

        using var dryRun = await browser.Http.PostAsync("/api/v1/import/dry-run", Form(File(again), fields: ("mapping", "{\"date\":\"\"}")), Ct);

        var row = (await dryRun.Content.ReadFromJsonAsync<JsonObject>(Ct))!["rows"]![0]!;
        Assert.Equal("refused", (string?)row["outcome"]);
        Assert.Equal("Error.Import.OtherTownship", (string?)row["problems"]![0]!["code"]);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task Bad_uploads_get_problem_details_never_a_500()
    {
        using var api = _app.Api("education");
        var before = await _app.CountRowsAsync();

        using var anonymous = await _app.Api(null).PostAsync("/api/v1/import/dry-run", Form(File(Child())), Ct);
        using var noForm = await api.PostAsJsonAsync("/api/v1/import/dry-run", new { file = "x" }, Ct);
        using var noFile = await api.PostAsync("/api/v1/import/dry-run", new MultipartFormDataContent { { new StringContent("x"), "sheet" } }, Ct);
        using var notSheet = await api.PostAsync("/api/v1/import/dry-run", Form("not a spreadsheet"u8.ToArray(), "photo.png"), Ct);
        using var xls = await api.PostAsync("/api/v1/import/apply", Form(CompoundFiles.Xls(), "old.xls"), Ct);
        using var badMapping = await api.PostAsync("/api/v1/import/dry-run", Form(File(Child()), fields: ("mapping", "{not json")), Ct);
        using var unknownField = await api.PostAsync("/api/v1/import/dry-run", Form(File(Child()), fields: ("mapping", "{\"nickname\":\"姓名\"}")), Ct);
        using var badRows = await api.PostAsync("/api/v1/import/apply", Form(File(Child()), fields: ("leaveOut", "two")), Ct);
        using var overTen = await api.PostAsync("/api/v1/import/dry-run", Form(new byte[(10 * 1024 * 1024) + 1]), Ct);
        // Over the request's limit: answered before the body is read (the client waits for "100 Continue", as browsers' uploads may not).
        using var huge = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import/dry-run") { Content = Form(new byte[12 * 1024 * 1024]) };
        huge.Headers.ExpectContinue = true;
        using var tooLarge = await api.SendAsync(huge, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notSheet.StatusCode);
        Assert.Equal(_app.Chinese("Error.Import.NotSpreadsheet"), (string?)(await notSheet.Content.ReadFromJsonAsync<JsonObject>(Ct))!["title"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, xls.StatusCode);
        Assert.Equal(_app.Chinese("Error.Import.Xls"), (string?)(await xls.Content.ReadFromJsonAsync<JsonObject>(Ct))!["title"]);
        Assert.Equal(HttpStatusCode.BadRequest, badMapping.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("mapping.nickname", await unknownField.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badRows.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overTen.StatusCode);
        Assert.Equal(_app.Chinese("Error.Import.TooLarge"), (string?)(await overTen.Content.ReadFromJsonAsync<JsonObject>(Ct))!["title"]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task An_agency_downloads_its_template_dry_runs_gets_the_report_workbook_and_applies_through_the_api()
    {
        using var api = _app.Api("health");
        using var template = await api.GetAsync("/api/v1/import/template", Ct);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(Coordination.Web.Api.FiguresApi.XlsxType, template.Content.Headers.ContentType?.MediaType);

        var bad = Child();
        bad[3] = "12345";
        var file = File(Child(), bad);
        using var workbook = await api.PostAsync("/api/v1/import/report.xlsx", Form(file), Ct);
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        using (var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync(Ct))))
        {
            Assert.Equal(_app.Chinese("Error.ResidentId.Length"), wb.Worksheet(1).Cell(3, 8).GetString().Replace("【身份证号】", "", StringComparison.Ordinal));
        }
        var before = await _app.CountRowsAsync();
        using var applied = await api.PostAsync("/api/v1/import/apply", Form(file, fields: ("leaveOut", "3")), Ct);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var report = (await applied.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("health-check", (string?)report["kind"]);
        Assert.Equal(1, (int)report["counts"]!["new"]!);
        Assert.Equal(1, (int)report["counts"]!["left-out"]!);
        Assert.Equal(before.Children + 1, (await _app.CountRowsAsync()).Children);
    }

    [Fact]
    public async Task The_cli_writes_a_template_dry_runs_with_progress_and_imports()
    {
        var folder = Path.GetDirectoryName(Temp([0]))!;
        var templatePath = Path.Combine(folder, "t.xlsx");
        var (templateCode, templateOutput) = await CliAsync("import", "template", "--agency", "education", "--out", templatePath);
        Assert.Equal(0, templateCode);
        Assert.Contains(templatePath, templateOutput, StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(templatePath));

        var path = Temp(File(Child(), Child()));
        var before = await _app.CountRowsAsync();
        var (dryCode, dryOutput) = await CliAsync("import", "--file", path, "--agency", "education", "--dry-run", "--report", Path.Combine(folder, "r.xlsx"));
        Assert.Equal(0, dryCode);
        Assert.Contains("检查：2/2 行", dryOutput, StringComparison.Ordinal);
        Assert.Contains("新儿童 2", dryOutput, StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(Path.Combine(folder, "r.xlsx")));
        Assert.Equal(before, await _app.CountRowsAsync());

        var (code, output) = await CliAsync("import", "--file", path, "--agency", "education");
        Assert.Equal(0, code);
        Assert.Contains("写入：2/2 行", output, StringComparison.Ordinal);
        Assert.Equal(before.Children + 2, (await _app.CountRowsAsync()).Children);
    }

    [Fact]
    public async Task The_cli_import_has_help_and_refuses_unknown_options_and_agencies()
    {
        var (help, helpText) = await CliAsync("import", "--help");
        var (templateHelp, templateText) = await CliAsync("import", "template", "--help");
        var (unknown, unknownText) = await CliAsync("import", "--file", "f.xlsx", "--agency", "education", "--frobnicate");
        var (noAgency, noAgencyText) = await CliAsync("import", "--file", Temp(File(Child())), "--agency", "police");

        Assert.Equal(0, help);
        Assert.Contains("--dry-run", helpText, StringComparison.Ordinal);
        Assert.Contains("--sheet", helpText, StringComparison.Ordinal);
        Assert.Contains("--as", helpText, StringComparison.Ordinal);
        Assert.Equal(0, templateHelp);
        Assert.Contains("--out", templateText, StringComparison.Ordinal);
        Assert.NotEqual(0, unknown);
        Assert.Contains("--frobnicate", unknownText, StringComparison.Ordinal);
        Assert.Equal(2, noAgency);
        Assert.Contains(_app.Chinese("Error.Import.AgencyUnknown"), noAgencyText, StringComparison.Ordinal);
    }
}
