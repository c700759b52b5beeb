using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Assistance;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Reference;
using Coordination.Core.Screenings;
using Coordination.Core.Wall;
using Coordination.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

/// <summary>The wall's view of the board on a real database: places, small counts, quarter changes, the last quarter, rights.</summary>
public sealed class WallServiceTests : IAsyncLifetime
{
    private static readonly Actor Display = new("civil-affairs", "wall", Role.Display);
    private readonly TestClock _clock = new();
    private TestDatabase _database = null!;
    private ScreeningService _screenings = null!;
    private BoardSnapshotService _board = null!;
    private WallService _wall = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Ct);
        var notifier = new InProcessBoardNotifier(NullLogger<InProcessBoardNotifier>.Instance);
        _screenings = new ScreeningService(_database, notifier, _clock.Board);
        _board = new BoardSnapshotService(_database, _clock.Board);
        var figures = new AssistanceWallFigures(new AssistanceService(_database, notifier, _clock.Board), _database);
        _wall = new WallService(_board, figures, TownshipPositions.Load(TestDatabase.DataDirectory), _database, _clock.Board);
    }

    public async ValueTask DisposeAsync()
    {
        _wall.Dispose();
        _board.Dispose();
        await _database.DisposeAsync();
    }

    private async Task RegisterAsync(string name, int serial, string township, string risk = "high")
    {
        _clock.Time.Advance(TimeSpan.FromMinutes(1));
        await _screenings.RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs,
            TestInputs.NewChild(name, Sex.F, serial: serial, township: township, categories: ["left-behind"]), _clock.Today, risk), Ct);
    }

    [Fact]
    public async Task Every_one_of_the_27_areas_has_its_own_place_on_the_map()
    {
        var wall = await _wall.GetLatestAsync(Display, Ct);
        Assert.Equal(27, wall.Areas.Count);
        Assert.Equal(27, wall.Areas.Select(a => (a.Row, a.Column)).Distinct().Count());
        Assert.All(wall.Areas, a => Assert.InRange(a.Row, 1, wall.MapRows));
        Assert.All(wall.Areas, a => Assert.InRange(a.Column, 1, wall.MapColumns));
    }

    [Fact]
    public async Task A_township_with_one_or_two_children_shows_under_three_and_with_three_the_exact_count()
    {
        await RegisterAsync("陈小明", 1, "shishan-zhen");
        await RegisterAsync("林雨涵", 2, "liucheng-jiedao");
        await RegisterAsync("王浩", 3, "liucheng-jiedao");
        await RegisterAsync("张思琪", 4, "liucheng-jiedao", risk: "low");

        var wall = await _wall.GetLatestAsync(Display, Ct);
        var shishan = wall.Areas.Single(a => a.Key == "shishan-zhen");
        var liucheng = wall.Areas.Single(a => a.Key == "liucheng-jiedao");
        Assert.Equal("<3", shishan.Children.ToString());
        Assert.Null(shishan.Children.Exact);
        Assert.Equal("<3", shishan.HighRisk.ToString());
        Assert.Equal(3, liucheng.Children.Exact);
        Assert.Equal("<3", liucheng.HighRisk.ToString());
        Assert.Equal("0", wall.Areas.Single(a => a.Key == "ximei-jiedao").Children.ToString());
        // City totals are not a township's: they are exact.
        Assert.Equal(4, wall.Totals.ActiveChildren);
        Assert.Equal(3, wall.Totals.HighRisk);
        Assert.Equal(4, wall.Totals.Categories.Single(c => c.Category == ChildCategory.LeftBehind).EnrolledThisQuarter);
        Assert.All(wall.Feed, f => Assert.DoesNotContain("小明", f.MaskedChildName ?? "", StringComparison.Ordinal));
        Assert.Equal(wall.Feed[0].OccurredAt, wall.UpdatedAt);
    }

    [Fact]
    public async Task The_last_quarter_is_reported_as_not_yet_submitted_while_the_board_keeps_no_submission()
    {
        var wall = await _wall.GetLatestAsync(Display, Ct);
        Assert.Equal(Quarter.Of(_clock.Today).Previous, wall.LastQuarter.Quarter);
        Assert.Equal(SubmissionState.NotSubmitted, wall.LastQuarter.State);
        Assert.Null(wall.LastQuarter.SubmittedAt);
    }

    [Fact]
    public async Task Programme_progress_lists_the_running_programmes_with_their_targets_and_golden_autumn_aid()
    {
        var wall = await _wall.GetLatestAsync(Display, Ct);
        Assert.Equal(26, wall.Programmes.Single(p => p.Key == "saturday-classes-2026").Target);
        Assert.Equal(50, wall.Programmes.Single(p => p.Key == "hope-cabins-2026").Target);
        Assert.Contains(wall.Programmes, p => p.Key == "micro-wishes-2026");
        Assert.Contains(wall.Programmes, p => p.Key is "golden-autumn-2026" or WallProgramme.GoldenAutumnKey);
    }

    [Theory]
    [InlineData(Role.Display, true)]
    [InlineData(Role.Lead, true)]
    [InlineData(Role.Liaison, true)]
    [InlineData(Role.Viewer, true)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.Township, false)]
    public async Task The_wall_is_for_the_display_and_the_city_wide_roles_not_a_township_account(Role role, bool allowed)
    {
        var actor = new Actor("civil-affairs", "someone", role, role == Role.Township ? "shishan-zhen" : null);
        if (allowed)
        {
            Assert.NotNull(await _wall.GetLatestAsync(actor, Ct));
        }
        else
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => _wall.GetLatestAsync(actor, Ct));
        }
    }

    [Fact]
    public void A_places_file_with_an_unknown_township_or_a_missing_one_stops_start_up_naming_the_line()
    {
        var folder = Directory.CreateTempSubdirectory("wall-places").FullName;
        try
        {
            File.Copy(Path.Combine(TestDatabase.DataDirectory, ReferenceData.TownshipsFile), Path.Combine(folder, ReferenceData.TownshipsFile));
            var lines = File.ReadAllLines(Path.Combine(TestDatabase.DataDirectory, TownshipPositions.File));
            File.WriteAllLines(Path.Combine(folder, TownshipPositions.File), [.. lines.Take(3), "atlantis-zhen,9,9", .. lines.Skip(3)]);
            var unknown = Assert.Throws<ReferenceFileException>(() => TownshipPositions.Load(folder));
            Assert.Equal(4, unknown.Line);
            Assert.Contains("atlantis-zhen", unknown.Message, StringComparison.Ordinal);

            File.WriteAllLines(Path.Combine(folder, TownshipPositions.File), lines[..^1]);
            var missing = Assert.Throws<ReferenceFileException>(() => TownshipPositions.Load(folder));
            Assert.Contains(lines[^1].Split(',')[0], missing.Message, StringComparison.Ordinal);

            File.WriteAllLines(Path.Combine(folder, TownshipPositions.File), [.. lines[..^1], lines[^1].Split(',')[0] + ",1,1"]);
            Assert.Contains("taken", Assert.Throws<ReferenceFileException>(() => TownshipPositions.Load(folder)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
