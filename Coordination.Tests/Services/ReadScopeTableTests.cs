using System.Reflection;
using System.Text.Json;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Assistance;
using Coordination.Core.Audit;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Reference;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

/// <summary>
/// Issue 8, acceptance 4 at the services: every read method of every Core service (found by reflection, so a new
/// one cannot be missed) takes the actor and, for a township supervisor, answers with its own township's children
/// and referrals only; for the wall (display), with aggregates only — nothing that names or points at a child.
/// </summary>
public sealed class ReadScopeTableTests : IAsyncLifetime
{
    private const string Own = TestInputs.Township;
    private const string Other = "liucheng-jiedao";
    private readonly TestClock _clock = new();
    private readonly InProcessBoardNotifier _notifier = new(NullLogger<InProcessBoardNotifier>.Instance);
    private TestDatabase _database = null!;
    private Dictionary<Type, object> _services = null!;
    private Guid _ownChild;
    private Guid _otherChild;
    private Guid _ownReferral;
    private Guid _otherReferral;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Actor Township = new("civil-affairs", "supervisor", Role.Township, Own, "tests");
    private static readonly Actor Display = new("civil-affairs", "wall", Role.Display, null, "tests");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Ct);
        var screenings = new ScreeningService(_database, _notifier, _clock.Board);
        var referrals = ReferralSetup.Service(_database, _notifier, _clock);
        _services = new()
        {
            [typeof(ChildService)] = new ChildService(_database, _notifier, _clock.Board),
            [typeof(ReferralService)] = referrals,
            [typeof(ScreeningService)] = screenings,
            [typeof(AssistanceService)] = new AssistanceService(_database, _notifier, _clock.Board),
            [typeof(VillageService)] = new VillageService(_database, _clock.Board),
            [typeof(BoardSnapshotService)] = new BoardSnapshotService(_database, _clock.Board),
            [typeof(BoardEventLog)] = new BoardEventLog(_database),
            [typeof(AuditLog)] = new AuditLog(_database, _clock.Board),
            [typeof(ApiKeyService)] = new ApiKeyService(_database, _clock.Board),
            [typeof(Coordination.Core.Import.ImportService)] = new Coordination.Core.Import.ImportService(_database, screenings, _notifier, _clock.Board,
                new Coordination.Core.Import.ImportText(key => key)),
        };
        var board = (BoardSnapshotService)_services[typeof(BoardSnapshotService)];
        var figures = new Coordination.Core.Figures.FiguresService(_database, _clock.Board);
        _services[typeof(Coordination.Core.Figures.FiguresService)] = figures;
        _services[typeof(Coordination.Core.Figures.FiguresSignOffService)] = new Coordination.Core.Figures.FiguresSignOffService(_database, figures, _notifier, _clock.Board);
        _services[typeof(Coordination.Core.Wall.WallService)] = new Coordination.Core.Wall.WallService(board,
            new Coordination.Core.Wall.AssistanceWallFigures((AssistanceService)_services[typeof(AssistanceService)], _database),
            Coordination.Core.Wall.TownshipPositions.Load(TestDatabase.DataDirectory), _database, _clock.Board);
        _ownChild = (await screenings.RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs,
            TestInputs.NewChild("本镇孩子", serial: 301, township: Own), _clock.Today, "high", "living"), Ct)).ChildId;
        _otherChild = (await screenings.RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs,
            TestInputs.NewChild("外镇孩子", birth: new DateOnly(2015, 6, 1), serial: 302, township: Other), _clock.Today, "high", "living"), Ct)).ChildId;
        _ownReferral = (await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(_ownChild), Ct)).Referral.Id;
        _otherReferral = (await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(_otherChild), Ct)).Referral.Id;
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    /// <summary>
    /// What each read is, per service and method: how to call it, and whether it answers with aggregates only
    /// (the wall may call it) or with children's records (the wall is refused).
    /// </summary>
    private Dictionary<string, (bool Aggregate, Func<Actor, Task<object?>> Call)> Reads() => new()
    {
        ["ChildService.FindAsync"] = (false, async a => await Svc<ChildService>().FindAsync(a, "孩子", 10, Ct)),
        ["ChildService.FindNearDuplicatesAsync"] = (false, async a => await Svc<ChildService>().FindNearDuplicatesAsync(a, "外镇孩子", new DateOnly(2015, 6, 1), Other, Ct)),
        ["ChildService.ListAsync"] = (false, async a => await Svc<ChildService>().ListAsync(a, new ChildQuery(Status: null), Ct)),
        ["ChildService.GetProfileAsync"] = (false, async a => await Svc<ChildService>().GetProfileAsync(a, _otherChild, false, Ct)),
        ["ChildService.RevealResidentIdAsync"] = (false, async a => await Svc<ChildService>().RevealResidentIdAsync(a, _otherChild, Ct)),
        ["ChildService.FindByIdAsync"] = (false, async a => await Svc<ChildService>().FindByIdAsync(a, _otherChild, Ct)),
        ["ReferralService.ListAsync"] = (false, async a => await Svc<ReferralService>().ListAsync(a, new ReferralQuery(), Ct)),
        ["ReferralService.DetailAsync"] = (false, async a => await Svc<ReferralService>().DetailAsync(a, _otherReferral, Ct)),
        ["ReferralService.ForChildAsync"] = (false, async a => await Svc<ReferralService>().ForChildAsync(a, _otherChild, Ct)),
        ["ReferralService.CountsAsync"] = (true, async a => await Svc<ReferralService>().CountsAsync(a, "womens-federation", Ct)),
        ["AssistanceService.ProgrammesAsync"] = (true, async a => await Svc<AssistanceService>().ProgrammesAsync(a, Ct)),
        ["AssistanceService.ProgressAsync"] = (true, async a => await Svc<AssistanceService>().ProgressAsync(a, Ct)),
        ["VillageService.ListAsync"] = (true, async a => await Svc<VillageService>().ListAsync(a, null, Ct)),
        ["BoardSnapshotService.GetLatestAsync"] = (true, async a => await Svc<BoardSnapshotService>().GetLatestAsync(a, Ct)),
        ["BoardSnapshotService.GetAsync"] = (true, async a => await Svc<BoardSnapshotService>().GetAsync(a, 0, Ct)),
        ["BoardEventLog.AfterAsync"] = (false, async a => await Svc<BoardEventLog>().AfterAsync(a, 0, ct: Ct)),
        ["AuditLog.ListAsync"] = (false, async a => await Svc<AuditLog>().ListAsync(a, new AuditQuery(), Ct)),
        ["AuditLog.ExportAsync"] = (false, async a => await Svc<AuditLog>().ExportAsync(a, new AuditQuery(), Ct)),
        ["ApiKeyService.ListAsync"] = (false, async a => await Svc<ApiKeyService>().ListAsync(a, Ct)),
        ["FiguresService.ReportAsync"] = (true, async a => await Svc<Coordination.Core.Figures.FiguresService>().ReportAsync(a, Quarter.Of(_clock.Today), Ct)),
        ["FiguresService.TrendAsync"] = (true, async a => await Svc<Coordination.Core.Figures.FiguresService>().TrendAsync(a, Quarter.Of(_clock.Today), 2, Ct)),
        ["FiguresService.ProgrammeProgressAsync"] = (true, async a => await Svc<Coordination.Core.Figures.FiguresService>().ProgrammeProgressAsync(a, Ct)),
        // The workbook lists the quarter's referrals (names masked): the agencies' leads and the administrator only.
        ["FiguresService.WriteWorkbookAsync"] = (false, async a =>
        {
            using var file = new MemoryStream();
            await Svc<Coordination.Core.Figures.FiguresService>().WriteWorkbookAsync(a, Quarter.Of(_clock.Today), file, Ct);
            return file.Length;
        }),
        ["FiguresService.RecordsAsync"] = (false, async a => await Svc<Coordination.Core.Figures.FiguresService>().RecordsAsync(a, Quarter.Of(_clock.Today), Coordination.Core.Figures.IndicatorCatalogue.ScreeningsKey(ScreeningKind.Household), Ct)),
        ["FiguresSignOffService.StateAsync"] = (true, async a => await Svc<Coordination.Core.Figures.FiguresSignOffService>().StateAsync(a, Quarter.Of(_clock.Today), Ct)),
        // A dry run of a file with a child of the other township: refused to the wall, the row refused to the township.
        ["ImportService.DryRunAsync"] = (false, async a => await Svc<Coordination.Core.Import.ImportService>().DryRunAsync(a, OtherTownshipFile(), ct: Ct)),
        ["ImportService.WriteTemplateAsync"] = (false, async a =>
        {
            using var file = new MemoryStream();
            await Svc<Coordination.Core.Import.ImportService>().WriteTemplateAsync(a, null, file, Ct);
            return file.Length;
        }),
        ["ImportService.WriteReportAsync"] = (false, async a =>
        {
            var import = Svc<Coordination.Core.Import.ImportService>();
            var report = await import.DryRunAsync(TestInputs.CivilAffairs, OtherTownshipFile(), ct: Ct);
            using var file = new MemoryStream();
            await import.WriteReportAsync(a, report, file, Ct);
            return file.Length;
        }),
        ["WallService.GetLatestAsync"] = (true, async a => await Svc<Coordination.Core.Wall.WallService>().GetLatestAsync(a, Ct)),
        ["WallService.GetAsync"] = (true, async a => await Svc<Coordination.Core.Wall.WallService>().GetAsync(a, 0, Ct)),
    };

    /// <summary>Writes (they check their own rights, tested in <see cref="RightsTableTests"/>) and the two reads that are no record.</summary>
    private static readonly HashSet<string> NotReads =
    [
        "ChildService.UpdateAsync", "ChildService.CloseAsync", "ChildService.ReopenAsync", "ChildService.MergeAsync", "ChildService.RefreshRisksAsync",
        "ReferralService.CreateAsync", "ReferralService.AcceptAsync", "ReferralService.DeclineAsync", "ReferralService.CompleteAsync",
        "ReferralService.WithdrawAsync", "ReferralService.MarkOverdueAsync", "ScreeningService.RecordAsync", "AssistanceService.RecordAsync", "ImportService.ApplyAsync",
        "VillageService.AddAsync", "AuditLog.RecordAsync", "ApiKeyService.CreateAsync", "ApiKeyService.RevokeAsync",
        "FiguresSignOffService.SubmitAsync", "FiguresSignOffService.WithdrawAsync", "FiguresSignOffService.LockAsync",
        "FiguresSignOffService.UnlockAsync", "FiguresSignOffService.EnterReportedAsync",
        // A counter of the event log, no record; and the sign-in of an API key itself (there is no actor before it).
        "BoardEventLog.LastSequenceAsync", "ApiKeyService.FindAsync",
        // Which of the hub's connected keys were revoked: ids in, ids out, for closing their connections.
        "ApiKeyService.RevokedAmongAsync",
        // Which quarters exist: the register's first date, no record of anyone.
        "FiguresService.ParseQuarterAsync", "FiguresService.FirstQuarterAsync", "FiguresService.get_LastFinishedQuarter", "FiguresService.get_CurrentQuarter",
    ];

    private T Svc<T>() => (T)_services[typeof(T)];

    private static Coordination.Core.Import.ImportFile OtherTownshipFile()
    {
        var birth = new DateOnly(2015, 7, 1);
        return new(ImportFiles.Xlsx(["姓名", "身份证号", "乡镇", "儿童类别", "风险等级"],
            [["某童", TestResidentIds.For(birth, Sex.F, 41), Other, "left-behind", "low"]]), "f.xlsx");
    }

    [Fact]
    public void Every_public_read_of_every_core_service_is_in_the_table_and_takes_the_actor()
    {
        var services = typeof(Actor).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsClass && t.IsSealed && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType.Name.StartsWith("IDbContextFactory", StringComparison.Ordinal))))
            // The catalogue of townships and agencies: reference data in memory, read by everyone, naming no child.
            .Where(t => t != typeof(ReferenceCatalog))
            .ToList();
        Assert.Equal(_services.Keys.OrderBy(t => t.Name), services.OrderBy(t => t.Name));
        var reads = Reads();
        foreach (var method in services.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            var name = $"{method.DeclaringType!.Name}.{method.Name}";
            if (method.Name == nameof(IDisposable.Dispose) || NotReads.Contains(name))
            {
                continue;
            }
            Assert.True(reads.ContainsKey(name), $"{name} is a read the table does not cover");
            Assert.Equal(typeof(Actor), method.GetParameters()[0].ParameterType);
        }
    }

    private static async Task<(bool Refused, string Json)> RunAsync(Func<Task<object?>> call)
    {
        try
        {
            return (false, JsonSerializer.Serialize(await call()));
        }
        catch (ForbiddenException)
        {
            return (true, "");
        }
    }

    [Fact]
    public async Task A_township_supervisor_reads_only_its_own_townships_children_and_referrals()
    {
        foreach (var (name, (_, call)) in Reads())
        {
            var (refused, json) = await RunAsync(() => call(Township));
            Assert.DoesNotContain(_otherChild.ToString(), json, StringComparison.Ordinal);
            Assert.DoesNotContain(_otherReferral.ToString(), json, StringComparison.Ordinal);
            Assert.DoesNotContain("外镇孩子", json, StringComparison.Ordinal);
            Assert.DoesNotContain("外**子", json, StringComparison.Ordinal);
            _ = refused;
            _ = name;
        }
        // ... and does get its own.
        Assert.Contains(_ownReferral, (await Svc<ReferralService>().ListAsync(Township, new ReferralQuery(), Ct)).Select(r => r.Id));
        Assert.Equal([_ownChild], (await Svc<ChildService>().ListAsync(Township, new ChildQuery(), Ct)).Rows.Select(r => r.Id));
        Assert.NotNull(await Svc<ReferralService>().DetailAsync(Township, _ownReferral, Ct));
        var board = await Svc<BoardSnapshotService>().GetLatestAsync(Township, Ct);
        Assert.All(board.Feed, f => Assert.True(f.TownshipKey is null or Own));
        Assert.Equal(2, board.Kpis.ActiveChildren);
    }

    [Fact]
    public async Task A_display_account_reads_aggregates_only_and_is_refused_every_record()
    {
        foreach (var (name, (aggregate, call)) in Reads())
        {
            var (refused, json) = await RunAsync(() => call(Display));
            Assert.True(aggregate != refused, $"{name}: the wall should {(aggregate ? "get" : "be refused")} it");
            foreach (var id in new[] { _ownChild, _otherChild, _ownReferral, _otherReferral })
            {
                Assert.DoesNotContain(id.ToString(), json, StringComparison.Ordinal);
            }
            foreach (var childName in new[] { "本镇孩子", "本**子", "外镇孩子", "外**子" })
            {
                Assert.DoesNotContain(childName, json, StringComparison.Ordinal);
            }
        }
        var board = await Svc<BoardSnapshotService>().GetLatestAsync(Display, Ct);
        Assert.Equal(2, board.Kpis.ActiveChildren);
        Assert.NotEmpty(board.Feed);
    }
}
