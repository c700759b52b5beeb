using System.Text.Encodings.Web;
using System.Text.Json;
using Coordination.Core;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

public sealed class BoardSnapshotServiceTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private TestDatabase _database = null!;
    private ScreeningService _screenings = null!;
    private BoardSnapshotService _snapshots = null!;
    private readonly List<ScreeningRecorded> _recorded = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Ct);
        _screenings = new ScreeningService(_database, new InProcessBoardNotifier(NullLogger<InProcessBoardNotifier>.Instance), _clock.Board);
        _snapshots = new BoardSnapshotService(_database, _clock.Board);
    }

    public async ValueTask DisposeAsync()
    {
        _snapshots.Dispose();
        await _database.DisposeAsync();
    }

    /// <summary>
    /// Today is 2026-11-20 (2026Q4). Four children in two townships, five screenings: three this month,
    /// one earlier this quarter, one last quarter. Two children end high or urgent.
    /// </summary>
    private async Task RecordTheWeekAsync()
    {
        var today = _clock.Today;
        await RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs,
            TestInputs.NewChild("陈小明", Sex.M, serial: 1, categories: ["left-behind", "low-income"]), today, "high"));
        await RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health,
            TestInputs.NewChild("林雨涵", Sex.F, serial: 2, township: "liucheng-jiedao", categories: ["orphan"]) with { Details = new ChildDetails(GuardianPhone: "13800001234") },
            new DateOnly(2026, 11, 2), "low"));
        await RecordAsync(TestInputs.Education, TestInputs.OfNewChild(TestInputs.Education,
            TestInputs.NewChild("王浩", Sex.M, serial: 3, categories: ["left-behind"]), new DateOnly(2026, 10, 15), "urgent"));
        await RecordAsync(TestInputs.WomensFederation, TestInputs.OfNewChild(TestInputs.WomensFederation,
            TestInputs.NewChild("张思琪", Sex.F, serial: 4, township: "liucheng-jiedao", categories: ["disabled"]), new DateOnly(2026, 9, 30), "medium"));
        await RecordAsync(TestInputs.Health, TestInputs.OfChild(TestInputs.Health, _recorded[1].ChildId, new DateOnly(2026, 11, 18), "low"));
    }

    private async Task RecordAsync(Actor actor, RecordScreening input)
    {
        // A minute between recordings, so "latest" is well defined.
        _clock.Time.Advance(TimeSpan.FromMinutes(1));
        _recorded.Add(await _screenings.RecordAsync(actor, input, Ct));
    }

    [Fact]
    public async Task Empty_register_gives_an_empty_board_with_every_township()
    {
        var board = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        Assert.Equal(0, board.Sequence);
        Assert.Equal(0, board.Kpis.ActiveChildren);
        Assert.Empty(board.Feed);
        Assert.Equal(27, board.Townships.Count);
        Assert.Equal(4, board.Columns.Count);
    }

    [Fact]
    public async Task Kpis_count_children_by_category_and_screenings_relative_to_today()
    {
        await RecordTheWeekAsync();

        var board = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        Assert.Equal(new DateOnly(2026, 11, 20), board.Today);
        Assert.Equal(4, board.Kpis.ActiveChildren);
        Assert.Equal(2, board.Kpis.ByCategory[ChildCategory.LeftBehind]);
        Assert.Equal(1, board.Kpis.ByCategory[ChildCategory.LowIncome]);
        Assert.Equal(1, board.Kpis.ByCategory[ChildCategory.Orphan]);
        Assert.Equal(1, board.Kpis.ByCategory[ChildCategory.Disabled]);
        Assert.Equal(0, board.Kpis.ByCategory[ChildCategory.SeriouslyIll]);
        Assert.Equal(3, board.Kpis.ScreeningsThisMonth);
        Assert.Equal(4, board.Kpis.ScreeningsThisQuarter);
        Assert.Equal(2, board.Kpis.HighRiskChildren);
    }

    [Fact]
    public async Task Screenings_this_month_start_again_when_the_month_turns()
    {
        await RecordTheWeekAsync();

        _clock.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var board = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        Assert.Equal(new DateOnly(2026, 12, 1), board.Today);
        Assert.Equal(0, board.Kpis.ScreeningsThisMonth);
        Assert.Equal(4, board.Kpis.ScreeningsThisQuarter);
    }

    [Fact]
    public async Task Agency_column_lists_its_screenings_with_masked_names()
    {
        await RecordTheWeekAsync();

        var board = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        Assert.Equal(["civil-affairs", "womens-federation", "health", "education"], board.Columns.Select(c => c.AgencyKey));
        var health = board.Columns.Single(c => c.AgencyKey == "health");
        Assert.Equal(2, health.ScreeningsThisQuarter);
        Assert.Equal([_recorded[4].Id, _recorded[1].Id], health.Latest.Select(l => l.Id));
        Assert.All(health.Latest, l => Assert.Equal("林*涵", l.MaskedChildName));
        var civil = Assert.Single(board.Columns.Single(c => c.AgencyKey == "civil-affairs").Latest);
        Assert.Equal("陈*明", civil.MaskedChildName);
        Assert.Equal(ScreeningKind.Household, civil.Kind);
        Assert.Equal(RiskLevel.High, civil.Risk);
        var womens = board.Columns.Single(c => c.AgencyKey == "womens-federation");
        Assert.Equal(0, womens.ScreeningsThisQuarter);
        Assert.Equal("张*琪", Assert.Single(womens.Latest).MaskedChildName);
    }

    [Fact]
    public async Task Board_never_shows_a_full_name_or_resident_id()
    {
        await RecordTheWeekAsync();

        var board = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        var json = JsonSerializer.Serialize(board, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("陈*明", json, StringComparison.Ordinal);
        foreach (var name in new[] { "陈小明", "林雨涵", "王浩", "张思琪" })
        {
            Assert.DoesNotContain(name, json, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(TestResidentIds.Region + "2015", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_starts_with_the_newest_event()
    {
        await RecordTheWeekAsync();

        var board = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        Assert.Equal(9, board.Sequence);
        Assert.Equal(_recorded[^1].Sequence, board.Feed[0].Sequence);
        Assert.Equal(Enumerable.Range(1, 9).Reverse().Select(n => (long)n), board.Feed.Select(f => f.Sequence));
        Assert.Equal(BoardEventKinds.ScreeningRecorded, board.Feed[0].Kind);
        Assert.Equal("林*涵", board.Feed[0].MaskedChildName);
    }

    [Fact]
    public async Task Township_tiles_count_children_and_high_risk_children()
    {
        await RecordTheWeekAsync();

        var board = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        var ximei = board.Townships.Single(t => t.Key == "ximei-jiedao");
        var liucheng = board.Townships.Single(t => t.Key == "liucheng-jiedao");
        Assert.Equal((2, 2), (ximei.Children, ximei.HighRisk));
        Assert.Equal((2, 0), (liucheng.Children, liucheng.HighRisk));
        Assert.Equal("溪美街道", ximei.Name);
        Assert.All(board.Townships.Where(t => t.Key is not "ximei-jiedao" and not "liucheng-jiedao"), t => Assert.Equal(0, t.Children));
    }

    [Fact]
    public async Task Same_sequence_returns_the_same_snapshot()
    {
        await RecordTheWeekAsync();

        var first = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);
        var again = await _snapshots.GetAsync(TestInputs.CivilAffairs, first.Sequence, Ct);
        var latest = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        Assert.Same(first, again);
        Assert.Same(first, latest);
    }

    [Fact]
    public async Task New_event_gives_a_new_snapshot()
    {
        await RecordTheWeekAsync();
        var before = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        // Civil affairs' newer household screening supersedes its earlier "high" one.
        await RecordAsync(TestInputs.CivilAffairs, TestInputs.OfChild(TestInputs.CivilAffairs, _recorded[0].ChildId, _clock.Today, "none"));
        var after = await _snapshots.GetAsync(TestInputs.CivilAffairs, _recorded[^1].Sequence, Ct);

        Assert.NotSame(before, after);
        Assert.Equal(before.Sequence + 1, after.Sequence);
        Assert.Equal(before.Kpis.ScreeningsThisMonth + 1, after.Kpis.ScreeningsThisMonth);
        Assert.Equal(1, after.Kpis.HighRiskChildren);
    }

    [Fact]
    public async Task New_day_gives_a_new_snapshot_of_the_same_sequence()
    {
        await RecordTheWeekAsync();
        var before = await _snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        _clock.Time.Advance(TimeSpan.FromDays(1));
        var after = await _snapshots.GetAsync(TestInputs.CivilAffairs, before.Sequence, Ct);

        Assert.NotSame(before, after);
        Assert.Equal(before.Today.AddDays(1), after.Today);
    }
}
