using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Coordination.Core.Access;
using Coordination.Core.Audit;
using Coordination.Core.Data;
using Coordination.Tests.Support;
using Coordination.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

/// <summary>The audit trail as an inspector reads it: sign-in rows whose columns say one thing each, and the filtered export.</summary>
public sealed class AuditExportTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewAccountAsync()
    {
        var email = $"audit-{Guid.NewGuid():N}@health.test";
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "health", Role.Liaison, null, null, BoardApp.Password);
        return email;
    }

    private async Task<int> ExportEntriesAsync()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.CountAsync(e => e.Action == AuditActions.Exported, Ct);
    }

    [Fact]
    public async Task A_sign_in_row_names_the_account_by_email_with_its_agency_and_role_and_a_refusal_its_reason_not_as_changed_fields()
    {
        var email = await NewAccountAsync();
        using var browser = new HttpBrowser(_app.Address);
        Assert.False((await browser.SignInAsync(email, "not-the-password-at-all")).SignedIn);
        Assert.True((await browser.SignInAsync(email, BoardApp.Password)).SignedIn);

        var rows = (await _app.Services.GetRequiredService<AuditLog>().ListAsync(BoardApp.Admin, new AuditQuery(Who: email), Ct)).Rows;

        var succeeded = Assert.Single(rows, r => r.Action == AuditActions.SignInSucceeded);
        Assert.Equal((email, "health", "liaison", null, null), (succeeded.Account, succeeded.AgencyKey, succeeded.Role, succeeded.ChangedFields, succeeded.Reason));
        var failed = Assert.Single(rows, r => r.Action == AuditActions.SignInFailed);
        Assert.Equal((email, "health", "liaison", null, "wrong-password"), (failed.Account, failed.AgencyKey, failed.Role, failed.ChangedFields, failed.Reason));
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task The_export_holds_exactly_the_filtered_rows_read_back_from_the_workbook_and_is_itself_audited()
    {
        var body = ScreeningBodies.NewChild();
        using var api = _app.Api("health");
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", body, Ct);
        var child = (string)(await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!;
        // Opened twice through the API (each opening is one act), and once by another agency.
        (await api.GetAsync($"/api/v1/children/{child}", Ct)).EnsureSuccessStatusCode();
        (await api.GetAsync($"/api/v1/children/{child}", Ct)).EnsureSuccessStatusCode();
        using var education = _app.Api("education");
        (await education.GetAsync($"/api/v1/children/{child}", Ct)).EnsureSuccessStatusCode();
        // An API key's account is its unique hint ("api:cb_…"), as the registration's row shows it.
        var registration = (await _app.Services.GetRequiredService<AuditLog>().ListAsync(BoardApp.Admin, new AuditQuery(Action: AuditActions.Created, SubjectId: child), Ct)).Rows;
        var key = Assert.Single(registration).Account;
        Assert.StartsWith("api:", key, StringComparison.Ordinal);
        using var admin = new HttpBrowser(_app.Address);
        var adminEmail = BoardApp.EmailOf("civil-affairs", Role.Admin);
        Assert.True((await admin.SignInAsync(adminEmail, BoardApp.Password)).SignedIn);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Coordination.Core.BoardClock.ChinaStandardTime).DateTime);
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await admin.Http.GetAsync($"/api/v1/audit.xlsx?who={Uri.EscapeDataString(key)}&action=child.viewed&object={child}&from={day}&to={day}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(["时间", "账号", "部门", "角色", "操作", "原因", "对象类别", "对象", "对象编号", "改动字段", "来源"],
            Enumerable.Range(1, 11).Select(c => sheet.Cell(2, c).GetString()));
        var rows = Enumerable.Range(3, sheet.LastRowUsed()!.RowNumber() - 2).Select(r => Enumerable.Range(1, 11).Select(c => sheet.Cell(r, c).GetString()).ToList()).ToList();
        Assert.Equal(2, rows.Count); // the health bureau's two openings; not education's, not the registration
        Assert.All(rows, row =>
        {
            Assert.Equal(key, row[1]);
            Assert.Equal("卫健局", row[2]);
            Assert.Equal("联络员", row[3]);
            Assert.Equal("查看档案", row[4]);
            Assert.Equal("", row[5]);
            Assert.Equal("儿童档案", row[6]);
            Assert.StartsWith("测**童（", row[7], StringComparison.Ordinal);
            Assert.Equal(child, row[8]);
            Assert.StartsWith(day, row[0], StringComparison.Ordinal);
        });
        Assert.DoesNotContain("测试儿童", string.Join("|", rows.SelectMany(r => r)), StringComparison.Ordinal);

        // The same filters with a range that ends the day before: no row.
        var yesterday = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var earlier = await admin.Http.GetAsync($"/api/v1/audit.xlsx?action=child.viewed&object={child}&to={yesterday}", Ct);
        using var empty = new XLWorkbook(await earlier.Content.ReadAsStreamAsync(Ct));
        Assert.Equal(2, empty.Worksheet(1).LastRowUsed()!.RowNumber());

        var exports = (await _app.Services.GetRequiredService<AuditLog>().ListAsync(BoardApp.Admin, new AuditQuery(Who: adminEmail, Action: AuditActions.Exported), Ct)).Rows;
        Assert.Contains(exports, e => e.SubjectId == $"who={key};action=child.viewed;object={child};from={day};to={day}" && e.Subject == AuditLog.AuditSubjectTrail);
    }

    [Fact]
    public async Task Only_the_administrator_exports_and_a_refusal_writes_nothing()
    {
        var email = await NewAccountAsync();
        using var liaison = new HttpBrowser(_app.Address);
        Assert.True((await liaison.SignInAsync(email, BoardApp.Password)).SignedIn);
        using var key = _app.Api("health");
        using var anonymous = _app.Api(null);
        var before = await ExportEntriesAsync();

        using var byLiaison = await liaison.Http.GetAsync("/api/v1/audit.xlsx", Ct);
        using var byKey = await key.GetAsync("/api/v1/audit.xlsx", Ct);
        using var byNobody = await anonymous.GetAsync("/api/v1/audit.xlsx", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byLiaison.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Equal(before, await ExportEntriesAsync());
    }
}
