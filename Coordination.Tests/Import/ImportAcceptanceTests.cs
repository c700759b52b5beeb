using System.Collections.Concurrent;
using ClosedXML.Excel;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Audit;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Data;
using Coordination.Core.Import;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Import;

/// <summary>
/// Issue 12, acceptance 1 and 2: a school's own 200-row register, checked row by row in the dry run, then applied —
/// the register, the screenings, the audit trail and the board events; all or nothing; twice is once.
/// </summary>
public sealed class ImportAcceptanceTests : IAsyncLifetime
{
    private BoardApp _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly Actor Education = new("education", "诗山中心小学 王老师", Role.Liaison, From: "tests");

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private ImportService Import => _app.Services.GetRequiredService<ImportService>();

    private CoordinationDbContext Db() => _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>().CreateDbContext();

    /// <summary>Registers a child as the form does (a health check), for the file to meet.</summary>
    private async Task<Guid> RegisterAsync(string name, Sex sex, DateOnly birth, string residentId, string township)
    {
        var screenings = _app.Services.GetRequiredService<ScreeningService>();
        var input = new RecordScreening("health-check", new DateOnly(2026, 10, 1), null,
            new NewChild(name, sex.ToString(), birth, residentId, township, ["left-behind"]), "low", [], "体检正常");
        return (await screenings.RecordAsync(TestInputs.Health, input, Ct)).ChildId;
    }

    /// <summary>The school's file: 200 children, 4 bad rows, 3 already on the register, 1 near duplicate.</summary>
    private async Task<(SchoolRegister File, Dictionary<int, Guid> Registered, Guid NearTwin)> SchoolFileAsync()
    {
        var file = new SchoolRegister();
        file.Spoil(10, 4, (double)350583201503020000, "Error.Import.ResidentIdAsNumber");
        file.Spoil(20, 4, TestResidentIds.WithWrongCheck(file.Lines[20].ResidentId), "Error.ResidentId.CheckDigit");
        file.Spoil(30, 5, "火星镇", "Error.Township.Unknown");
        file.Spoil(40, 3, "2015年13月2日", "Error.Import.Date");
        var registered = new Dictionary<int, Guid>();
        foreach (var i in new[] { 5, 50, 150 })
        {
            var l = file.Lines[i];
            registered[i] = await RegisterAsync(l.Name, l.Sex, l.Birth, l.ResidentId, l.Township);
            file.Expect(i, ImportOutcome.Existing);
        }
        var twin = file.Lines[60];
        var nearTwin = await RegisterAsync(twin.Name, twin.Sex, twin.Birth, TestResidentIds.For(twin.Birth, twin.Sex, 900), twin.Township);
        file.Expect(60, ImportOutcome.NearDuplicate);
        return (file, registered, nearTwin);
    }

    [Fact]
    public async Task A_schools_register_is_checked_row_by_row_then_imported_with_its_screenings_audit_and_board_events()
    {
        var (file, registered, nearTwin) = await SchoolFileAsync();
        var bytes = file.ToXlsx();
        var before = await _app.CountRowsAsync();

        var report = await Import.DryRunAsync(Education, new ImportFile(bytes, "诗山中心小学.xlsx"), ct: Ct);

        Assert.Equal(before, await _app.CountRowsAsync()); // a dry run writes nothing
        Assert.Equal("school-survey", report.Kind);
        Assert.Equal(SchoolRegister.HeaderRow, report.HeaderRow);
        Assert.Equal("学生姓名", report.Mapping[ImportColumns.Name]);
        Assert.Equal("公民身份号码", report.Mapping[ImportColumns.ResidentId]);
        Assert.Equal("所在乡镇", report.Mapping[ImportColumns.Township]);
        Assert.Equal("联系电话", report.Mapping[ImportColumns.GuardianPhone]);
        Assert.Equal("建档日期", report.Mapping[ImportColumns.Date]);
        Assert.Equal([SchoolRegister.EmptyRow], report.EmptyRows);
        Assert.Equal(200, report.Rows.Count);
        foreach (var line in file.Lines)
        {
            var row = Assert.Single(report.Rows, r => r.Row == line.Row);
            Assert.True(line.Expected == row.Outcome, $"row {line.Row}: {row.Outcome}, expected {line.Expected} ({string.Join(", ", row.Problems.Select(p => p.Field + ":" + p.Code))})");
            Assert.Equal(line.Name, row.Name);
            if (line.Expected == ImportOutcome.Refused)
            {
                var problem = Assert.Single(row.Problems);
                Assert.Equal(line.ProblemColumn, problem.Column);
                Assert.Equal(line.ProblemCode, problem.Code);
                Assert.False(string.IsNullOrEmpty(_app.Chinese(problem.Code)));
            }
            else
            {
                Assert.Equal(line.Birth, row.BirthDate);
                Assert.Equal(line.Township, row.Township);
                Assert.Equal(ResidentId.Mask(line.ResidentId), row.MaskedResidentId);
            }
        }
        foreach (var (i, id) in registered)
        {
            Assert.Equal(id, report.Rows.Single(r => r.Row == file.Lines[i].Row).ChildId);
        }
        var near = report.Rows.Single(r => r.Row == file.Lines[60].Row);
        Assert.Equal(nearTwin, Assert.Single(near.Matches).Id); // both shown: the row's child and the one on the register
        Assert.Equal(file.Lines[60].Name, near.Matches[0].Name);
        Assert.False(report.IsClean);

        // The report as a workbook: one line per row, the reason in Chinese beside it.
        using (var stream = new MemoryStream())
        {
            await Import.WriteReportAsync(Education, report, stream, Ct);
            using var wb = new XLWorkbook(new MemoryStream(stream.ToArray()));
            var ws = wb.Worksheet(1);
            Assert.Equal("原因", ws.Cell(1, 8).GetString());
            var idRow = ws.RowsUsed().Single(r => r.Cell(1).GetString() == file.Lines[10].Row.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("拒绝", idRow.Cell(2).GetString());
            Assert.Contains("身份证号被存成了数字", idRow.Cell(8).GetString(), StringComparison.Ordinal);
            Assert.Contains("公民身份号码", idRow.Cell(7).GetString(), StringComparison.Ordinal);
        }

        // Applying without leaving the refused rows out writes nothing.
        await Assert.ThrowsAsync<ImportNotCleanException>(() => Import.ApplyAsync(Education, new ImportFile(bytes, "诗山中心小学.xlsx"), ImportChoices.None, ct: Ct));
        Assert.Equal(before, await _app.CountRowsAsync());

        var received = new ConcurrentQueue<BoardEventMessage>();
        using var subscription = _app.Services.GetRequiredService<IBoardNotifier>().Subscribe(e =>
        {
            received.Enqueue(e);
            return Task.CompletedTask;
        });
        var leaveOut = report.Rows.Where(r => r.Outcome is ImportOutcome.Refused or ImportOutcome.NearDuplicate).Select(r => r.Row).ToHashSet();
        var applied = await Import.ApplyAsync(Education, new ImportFile(bytes, "诗山中心小学.xlsx"), new ImportChoices(leaveOut), ct: Ct);

        var newRows = file.Lines.Where(l => l.Expected == ImportOutcome.New).ToList();
        Assert.Equal(192, newRows.Count);
        Assert.Equal(newRows.Count, applied.Count(ImportOutcome.New));
        Assert.Equal(3, applied.Count(ImportOutcome.Existing));
        Assert.Equal(5, applied.Count(ImportOutcome.LeftOut));
        var after = await _app.CountRowsAsync();
        Assert.Equal(before.Children + newRows.Count, after.Children);
        Assert.Equal(before.Screenings + newRows.Count + 3, after.Screenings);

        await using var db = Db();
        var schoolSurveys = await db.Screenings.AsNoTracking().Where(s => s.AgencyKey == "education").ToListAsync(Ct);
        Assert.Equal(newRows.Count + 3, schoolSurveys.Count);
        Assert.All(schoolSurveys, s => Assert.Equal(ScreeningKind.SchoolSurvey, s.Kind));
        Assert.All(schoolSurveys, s => Assert.Equal(SchoolRegister.SurveyDate, s.Date));
        var children = await db.Children.AsNoTracking().Include(c => c.Categories).ToDictionaryAsync(c => c.ResidentId, Ct);
        foreach (var line in newRows)
        {
            var child = children[line.ResidentId]; // the lowercase x and the spaces normalised
            Assert.Equal(line.Name, child.Name);
            Assert.Equal(line.Birth, child.BirthDate);
            Assert.Equal(line.Township, child.TownshipKey);
            Assert.Equal("education", child.RegisteredBy);
            Assert.Contains(child.Categories, c => c.Category == ChildCategory.LeftBehind);
        }
        Assert.Equal([ChildCategory.LeftBehind, ChildCategory.LowIncome], children[file.Lines[0].ResidentId].Categories.Select(c => c.Category).Order());
        Assert.Equal(RiskLevel.Medium, children[file.Lines[0].ResidentId].Risk);
        foreach (var (i, id) in registered)
        {
            Assert.Single(schoolSurveys, s => s.ChildId == id); // the existing child got the school's screening, no second record
        }
        Assert.DoesNotContain(file.Lines[60].ResidentId, children.Keys);

        // The same audit as the form: every child and screening written is in the trail, by the importing person.
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.Created && a.Who == Education.Person).ToListAsync(Ct);
        Assert.Equal(newRows.Count, audited.Count(a => a.Subject == nameof(Child)));
        Assert.Equal(newRows.Count + 3, audited.Count(a => a.Subject == nameof(Screening)));

        // One event per township, not two per child; every open board hears them.
        var events = await db.BoardEvents.AsNoTracking().Where(e => e.Sequence > before.Events).OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(BoardEventKinds.ImportApplied, e.Kind));
        Assert.Equal(newRows.Count + 3, events.Sum(e => e.Detail!.Count));
        Assert.Equal(["shengxin-zhen", "shishan-zhen", "ximei-jiedao"], events.Select(e => e.TownshipKey!).Order(StringComparer.Ordinal));
        await Waiting.UntilAsync(() => Task.FromResult(received.Count(e => e.Kind == BoardEventKinds.ImportApplied) == 3), what: "the import's events published");
    }
}
