using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Assistance;
using Coordination.Core.Audit;
using Coordination.Core.Data;
using Coordination.Core.Export;
using Coordination.Core.Figures;
using Coordination.Core.Screenings;
using Coordination.Core.Wall;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Coordination.Core.Figures.IndicatorCatalogue;

namespace Coordination.Tests.Figures;

/// <summary>
/// Issue 10, acceptance 3: four agencies submit, civil affairs' lead locks; records dated in the locked quarter
/// that arrive afterwards leave the locked figures as they were and show as the difference in the service, the
/// JSON API and the workbook; the administrator's unlock is audited; every forbidden step is refused and changes
/// nothing.
/// </summary>
public sealed class FiguresSignOffTests : IAsyncLifetime
{
    private const string TownA = "shishan-zhen";
    private static readonly Quarter Q = new(2026, 4);
    private static readonly DateOnly InQuarter = new(2026, 12, 15);
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private BoardApp _app = null!;
    private Guid _child;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Actor Lead(string agency) => new(agency, agency + " 负责人", Role.Lead, From: "tests") { Account = BoardApp.EmailOf(agency, Role.Lead) };

    private static Actor As(string agency, Role role) =>
        new(agency, agency + " " + role, role, role == Role.Township ? BoardApp.TestTownship : null, "tests") { Account = BoardApp.EmailOf(agency, role) };

    private static readonly Actor Admin = As("civil-affairs", Role.Admin);

    private FiguresSignOffService SignOff => _app.Services.GetRequiredService<FiguresSignOffService>();

    private FiguresService Figures => _app.Services.GetRequiredService<FiguresService>();

    public async ValueTask InitializeAsync()
    {
        _app = new BoardApp(_time);
        var screenings = _app.Services.GetRequiredService<ScreeningService>();
        var assistance = _app.Services.GetRequiredService<AssistanceService>();
        var today = new BoardClock(_time, BoardClock.ChinaStandardTime).Today;
        var child = TestInputs.NewChild(name: "锁定测试", serial: 701, township: TownA);
        _child = (await screenings.RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, child, today), Ct)).ChildId;
        await assistance.RecordAsync(TestInputs.CivilAffairs, new RecordAssistance(_child, "micro-wish", null, today, 2, null, null), Ct);
        // The quarter has ended: 2027-01-10.
        _time.Advance(TimeSpan.FromDays(51));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task SubmitAllAndLockAsync()
    {
        foreach (var agency in IndicatorCatalogue.AgencyOrder)
        {
            await SignOff.SubmitAsync(Lead(agency), Q, agency, Ct);
        }
        await SignOff.LockAsync(Lead("civil-affairs"), Q, Ct);
    }

    [Fact]
    public async Task Four_submissions_and_the_lock_keep_the_figures_and_later_records_show_as_the_difference_everywhere()
    {
        await SignOff.EnterReportedAsync(Lead("womens-federation"), Q, "womens-federation",
            new Dictionary<string, string?> { [Volunteers] = "120", [ParentSchools] = "429" }, "村级志愿者含新招募。", Ct);
        var before = await Figures.ReportAsync(Lead("civil-affairs"), Q, Ct);
        Assert.Equal(1m, before.Current.Total(ScreeningsKey(ScreeningKind.Household)));
        Assert.Equal(2m, before.Current.Total(MicroWishes));

        foreach (var agency in IndicatorCatalogue.AgencyOrder)
        {
            Assert.False((await SignOff.StateAsync(Lead("civil-affairs"), Q, Ct)).AllSubmitted);
            await SignOff.SubmitAsync(Lead(agency), Q, agency, Ct);
        }
        Assert.True((await SignOff.StateAsync(Lead("health"), Q, Ct)).AllSubmitted);
        await SignOff.LockAsync(Lead("civil-affairs"), Q, Ct);
        var locked = await Figures.ReportAsync(Lead("civil-affairs"), Q, Ct);
        Assert.True(locked.IsLocked);
        var fingerprint = locked.SignOff.Lock!.Fingerprint;
        Assert.Equal(QuarterlyWorkbook.Fingerprint(before.Current), fingerprint);
        Assert.Equal(fingerprint, QuarterlyWorkbook.Fingerprint(locked.Current));
        Assert.True(locked.AfterLock!.IsEmpty);

        // Later: a screening and an assistance record dated inside the locked quarter.
        var today = new BoardClock(_time, BoardClock.ChinaStandardTime).Today;
        Assert.True(today > Q.LastDay);
        await _app.Services.GetRequiredService<ScreeningService>().RecordAsync(TestInputs.CivilAffairs, TestInputs.OfChild(TestInputs.CivilAffairs, _child, InQuarter), Ct);
        await _app.Services.GetRequiredService<AssistanceService>().RecordAsync(TestInputs.CivilAffairs, new RecordAssistance(_child, "micro-wish", null, InQuarter, 3, null, null), Ct);

        // The service: the locked values, and the difference beside them.
        var after = await Figures.ReportAsync(Lead("civil-affairs"), Q, Ct);
        foreach (var i in IndicatorCatalogue.All)
        {
            Assert.True(before.Current.Total(i.Key) == after.Current.Total(i.Key), $"{i.Key} moved after the lock");
        }
        Assert.Equal(1m, after.AddedAfterLock(ScreeningsKey(ScreeningKind.Household)));
        Assert.Equal(3m, after.AddedAfterLock(MicroWishes));
        Assert.Equal(0m, after.AddedAfterLock(MicroWishChildren));
        Assert.Equal(fingerprint, QuarterlyWorkbook.Fingerprint(after.Current));
        Assert.Equal(120m, after.Current.Total(Volunteers));

        // The JSON API.
        using var browser = new HttpBrowser(_app.Address);
        await browser.SignInAsync(BoardApp.EmailOf("education", Role.Lead), BoardApp.Password);
        var json = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/v1/figures?quarter={Q}", Ct))!;
        Assert.True((bool)json["locked"]!);
        Assert.Equal(fingerprint, (string)json["fingerprint"]!);
        Assert.All(json["submissions"]!.AsArray(), s => Assert.True((bool)s!["submitted"]!));
        var indicators = json["indicators"]!.AsArray().ToDictionary(i => (string)i!["key"]!, i => i!);
        Assert.Equal(1m, (decimal)indicators[ScreeningsKey(ScreeningKind.Household)]["value"]!);
        Assert.Equal(1m, (decimal)indicators[ScreeningsKey(ScreeningKind.Household)]["addedAfterLock"]!);
        Assert.Equal(2m, (decimal)indicators[MicroWishes]["value"]!);
        Assert.Equal(3m, (decimal)indicators[MicroWishes]["addedAfterLock"]!);
        Assert.Equal(120m, (decimal)indicators[Volunteers]["value"]!);
        Assert.Equal(BoardApp.EmailOf("womens-federation", Role.Lead), (string)indicators[Volunteers]["enteredBy"]!);
        Assert.Null(indicators[Donations]["value"]);

        // The workbook, read back.
        using var download = await browser.Http.GetAsync($"/api/v1/figures/{Q}.xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await download.Content.ReadAsByteArrayAsync(Ct)));
        var summary = workbook.Worksheet(QuarterlyWorkbook.Summary);
        Assert.Equal("锁定后新增", summary.Cell(6, 9).GetString());
        var rows = summary.RowsUsed().Where(r => r.RowNumber() > 6 && IndicatorCatalogue.TryGet(r.Cell(2).GetString(), out _))
            .ToDictionary(r => r.Cell(2).GetString());
        Assert.Equal(1d, rows[ScreeningsKey(ScreeningKind.Household)].Cell(5).GetDouble());
        Assert.Equal(1d, rows[ScreeningsKey(ScreeningKind.Household)].Cell(9).GetDouble());
        Assert.StartsWith("+", rows[ScreeningsKey(ScreeningKind.Household)].Cell(9).Style.NumberFormat.Format, StringComparison.Ordinal);
        Assert.Equal(2d, rows[MicroWishes].Cell(5).GetDouble());
        Assert.Equal(3d, rows[MicroWishes].Cell(9).GetDouble());
        Assert.Equal(120d, rows[Volunteers].Cell(5).GetDouble());
        Assert.Equal("待填报", rows[Donations].Cell(5).GetString());
        var cover = CoverValues(workbook);
        Assert.StartsWith("已锁定", cover["锁定状态"], StringComparison.Ordinal);
        Assert.Equal(fingerprint, cover["数据指纹"]);
        Assert.NotEqual("—", cover["锁定时间"]);
        Assert.All(new[] { "民政局", "妇联", "卫健局", "教育局" }, name => Assert.StartsWith("已提交", cover[name], StringComparison.Ordinal));
        Assert.Contains("微心愿圆梦 +3", cover["锁定后新增"], StringComparison.Ordinal);
        var definitions = workbook.Worksheet(QuarterlyWorkbook.Definitions).RowsUsed().ToDictionary(r => r.Cell(1).GetString(), r => r);
        Assert.Contains(BoardApp.EmailOf("womens-federation", Role.Lead), definitions[Volunteers].Cell(5).GetString(), StringComparison.Ordinal);
        Assert.Equal("村级志愿者含新招募。", definitions[ReportedFigure.RemarkKey].Cell(6).GetString());
    }

    private static Dictionary<string, string> CoverValues(XLWorkbook workbook) =>
        workbook.Worksheet(QuarterlyWorkbook.Cover).RowsUsed().Where(r => !r.Cell(2).IsEmpty())
            .ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString());

    [Fact]
    public async Task The_administrators_unlock_needs_a_reason_is_audited_and_the_quarter_reads_live_again()
    {
        await SubmitAllAndLockAsync();
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => SignOff.UnlockAsync(Admin, Q, "  ", Ct));
        Assert.Equal("Error.Figures.UnlockReasonRequired", refused.Errors.First("reason"));
        Assert.True((await SignOff.StateAsync(Admin, Q, Ct)).IsLocked);

        await SignOff.UnlockAsync(Admin, Q, "卫健局医保减免金额录错，需更正。", Ct);

        var state = await SignOff.StateAsync(Lead("health"), Q, Ct);
        Assert.False(state.IsLocked);
        Assert.Equal("卫健局医保减免金额录错，需更正。", state.LastUnlock!.Reason);
        Assert.Equal(Admin.Account, state.LastUnlock.UnlockedBy);
        var (audit, _) = await _app.Services.GetRequiredService<AuditLog>().ListAsync(Admin, new AuditQuery(Action: AuditActions.FiguresUnlocked), Ct);
        var entry = Assert.Single(audit);
        Assert.Equal(Admin.Account, entry.Account);
        Assert.Equal("admin", entry.Role);
        Assert.Equal(Q.ToString(), entry.SubjectId);
        // The stored values stay as history; the database itself refuses to change them.
        var factory = _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.NotEqual(0, await db.LockedFigures.CountAsync(Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE LockedFigures SET Value = '999'", Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM LockedFigures", Ct));
        // Unlocked, the quarter can be corrected and locked again.
        await SignOff.LockAsync(Lead("civil-affairs"), Q, Ct);
        Assert.True((await SignOff.StateAsync(Admin, Q, Ct)).IsLocked);
    }

    /// <summary>Every row the sign-off could write, and the state as every agency reads it.</summary>
    private async Task<string> EverythingAsync()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        var state = await SignOff.StateAsync(Admin, Q, Ct);
        return string.Join("|",
            await db.AgencySubmissions.CountAsync(Ct), await db.QuarterLocks.CountAsync(Ct), await db.QuarterLocks.CountAsync(l => l.UnlockedAt != null, Ct),
            await db.LockedFigures.CountAsync(Ct), await db.ReportedFigures.CountAsync(Ct), await db.BoardEvents.CountAsync(Ct),
            await db.AuditEntries.CountAsync(Ct), System.Text.Json.JsonSerializer.Serialize(state));
    }

    private async Task RefusedAndNothingChangedAsync<TException>(Func<Task> step, string? code = null) where TException : DomainException
    {
        var before = await EverythingAsync();
        var refused = await Assert.ThrowsAsync<TException>(step);
        if (code is not null)
        {
            Assert.Equal(code, refused.Code);
        }
        Assert.Equal(before, await EverythingAsync());
    }

    [Fact]
    public async Task Every_forbidden_step_is_refused_and_changes_nothing()
    {
        // Locking before all four submitted, by the one who may lock.
        await SignOff.SubmitAsync(Lead("civil-affairs"), Q, "civil-affairs", Ct);
        await RefusedAndNothingChangedAsync<DomainException>(() => SignOff.LockAsync(Lead("civil-affairs"), Q, Ct), "Error.Figures.NotAllSubmitted");
        // The lead of another agency submits (or enters figures) for civil affairs; roles outside the scope submit their own agency.
        await RefusedAndNothingChangedAsync<ForbiddenException>(() => SignOff.SubmitAsync(Lead("education"), Q, "civil-affairs", Ct));
        await RefusedAndNothingChangedAsync<ForbiddenException>(() => SignOff.WithdrawAsync(Lead("health"), Q, "civil-affairs", Ct));
        await RefusedAndNothingChangedAsync<ForbiddenException>(() =>
            SignOff.EnterReportedAsync(Lead("education"), Q, "civil-affairs", new Dictionary<string, string?> { [Donations] = "100" }, null, Ct));
        foreach (var role in new[] { Role.Liaison, Role.Viewer, Role.Township, Role.Display, Role.Admin })
        {
            await RefusedAndNothingChangedAsync<ForbiddenException>(() => SignOff.SubmitAsync(As("health", role), Q, "health", Ct));
            await RefusedAndNothingChangedAsync<ForbiddenException>(() =>
                SignOff.EnterReportedAsync(As("education", role), Q, "education", new Dictionary<string, string?> { [YouthPalaces] = "26" }, null, Ct));
        }
        foreach (var agency in IndicatorCatalogue.AgencyOrder.Skip(1))
        {
            await SignOff.SubmitAsync(Lead(agency), Q, agency, Ct);
        }
        // The liaison of civil affairs, other agencies' leads and everyone else may not lock.
        await RefusedAndNothingChangedAsync<ForbiddenException>(() => SignOff.LockAsync(As("civil-affairs", Role.Liaison), Q, Ct));
        foreach (var actor in new[] { Lead("education"), As("civil-affairs", Role.Viewer), As("civil-affairs", Role.Township), As("civil-affairs", Role.Display), Admin })
        {
            await RefusedAndNothingChangedAsync<ForbiddenException>(() => SignOff.LockAsync(actor, Q, Ct));
        }
        // Unlocking a quarter is the administrator's alone.
        await RefusedAndNothingChangedAsync<ForbiddenException>(() => SignOff.UnlockAsync(Lead("civil-affairs"), Q, "想改数", Ct));

        await SignOff.LockAsync(Lead("civil-affairs"), Q, Ct);
        // After the lock: entering a reported figure, submitting or withdrawing, locking again.
        await RefusedAndNothingChangedAsync<DomainException>(() =>
            SignOff.EnterReportedAsync(Lead("civil-affairs"), Q, "civil-affairs", new Dictionary<string, string?> { [Donations] = "19200000" }, null, Ct), "Error.Figures.Locked");
        await RefusedAndNothingChangedAsync<DomainException>(() => SignOff.WithdrawAsync(Lead("health"), Q, "health", Ct), "Error.Figures.Locked");
        await RefusedAndNothingChangedAsync<DomainException>(() => SignOff.LockAsync(Lead("civil-affairs"), Q, Ct), "Error.Figures.Locked");
        await RefusedAndNothingChangedAsync<ForbiddenException>(() => SignOff.UnlockAsync(As("civil-affairs", Role.Liaison), Q, "想改数", Ct));
    }

    [Fact]
    public async Task Forbidden_steps_at_the_api_answer_with_the_reason_and_change_nothing()
    {
        foreach (var agency in IndicatorCatalogue.AgencyOrder)
        {
            await SignOff.SubmitAsync(Lead(agency), Q, agency, Ct);
        }
        using var liaison = new HttpBrowser(_app.Address);
        await liaison.SignInAsync(BoardApp.EmailOf("civil-affairs", Role.Liaison), BoardApp.Password);
        using var education = new HttpBrowser(_app.Address);
        await education.SignInAsync(BoardApp.EmailOf("education", Role.Lead), BoardApp.Password);
        using var civil = new HttpBrowser(_app.Address);
        await civil.SignInAsync(BoardApp.EmailOf("civil-affairs", Role.Lead), BoardApp.Password);
        var before = await EverythingAsync();

        using var byLiaison = await liaison.Http.PostAsJsonAsync($"/api/v1/figures/{Q}/lock", new { }, Ct);
        using var forOther = await education.Http.PostAsJsonAsync($"/api/v1/figures/{Q}/withdraw", new { agency = "civil-affairs" }, Ct);
        using var unlock = await civil.Http.PostAsJsonAsync($"/api/v1/figures/{Q}/unlock", new { reason = "想改数" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byLiaison.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unlock.StatusCode);
        Assert.Equal(before, await EverythingAsync());

        using var locked = await civil.Http.PostAsJsonAsync($"/api/v1/figures/{Q}/lock", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var afterLock = await EverythingAsync();
        using var entry = await civil.Http.PutAsJsonAsync($"/api/v1/figures/{Q}/reported", new { values = new Dictionary<string, object> { [Donations] = 19200000 } }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, entry.StatusCode);
        var problem = (await entry.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("Error.Figures.Locked", (string)problem["code"]!);
        Assert.Equal(_app.Chinese("Error.Figures.Locked"), (string)problem["title"]!);
        Assert.Equal(afterLock, await EverythingAsync());
    }

    [Theory]
    [InlineData("POST", "submit", """{"agency":"civil-affairs"}""", "2026Q5", "Error.Quarter.Malformed")]
    [InlineData("POST", "withdraw", """{"agency":"civil-affairs"}""", "banana", "Error.Quarter.Malformed")]
    [InlineData("POST", "lock", "{}", "Q1-2026", "Error.Quarter.Malformed")]
    [InlineData("POST", "unlock", """{"reason":"核对"}""", "2026Q0", "Error.Quarter.Malformed")]
    [InlineData("PUT", "reported", """{"values":{"reported.donations-yuan":100}}""", "2026-3", "Error.Quarter.Malformed")]
    public async Task A_bad_quarter_at_a_sign_off_step_is_refused_naming_the_quarter_and_changes_nothing(string method, string step, string body, string quarter, string code)
    {
        using var civil = new HttpBrowser(_app.Address);
        await civil.SignInAsync(BoardApp.EmailOf("civil-affairs", Role.Lead), BoardApp.Password);
        var before = await EverythingAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/figures/{quarter}/{step}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await civil.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.True(problem["codes"]?["quarter"] is not null, text);
        Assert.Equal(code, (string)problem["codes"]!["quarter"]![0]!);
        Assert.Equal(_app.Chinese(code), (string)problem["errors"]!["quarter"]![0]!);
        Assert.Equal(before, await EverythingAsync());
    }

    [Fact]
    public async Task The_wall_shows_the_real_submission_and_lock_state_of_the_last_quarter()
    {
        var wall = _app.Services.GetRequiredService<IWallFigures>();
        Assert.Equal(SubmissionState.NotSubmitted, (await wall.LastQuarterAsync(Q, Ct)).State);
        await SignOff.SubmitAsync(Lead("health"), Q, "health", Ct);
        var partly = await wall.LastQuarterAsync(Q, Ct);
        Assert.Equal((SubmissionState.NotSubmitted, 1), (partly.State, partly.SubmittedAgencies));
        foreach (var agency in IndicatorCatalogue.AgencyOrder.Where(a => a != "health"))
        {
            await SignOff.SubmitAsync(Lead(agency), Q, agency, Ct);
        }
        Assert.Equal(SubmissionState.Submitted, (await wall.LastQuarterAsync(Q, Ct)).State);
        await SignOff.LockAsync(Lead("civil-affairs"), Q, Ct);
        var locked = await wall.LastQuarterAsync(Q, Ct);
        Assert.Equal(SubmissionState.Locked, locked.State);
        Assert.NotNull(locked.LockedAt);
    }

    [Fact]
    public async Task A_quarter_in_progress_cannot_be_submitted()
    {
        var current = Figures.CurrentQuarter;
        await RefusedAndNothingChangedAsync<DomainException>(() => SignOff.SubmitAsync(Lead("health"), current, "health", Ct), "Error.Figures.QuarterNotFinished");
    }
}
