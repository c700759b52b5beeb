using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Figures;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Figures;

/// <summary>
/// Issue 10: "children at high or urgent risk at quarter end" is the risk the board showed at the end of the quarter's
/// last day, from the children's risk history, not their risk today: a past quarter's figure does not move when a
/// child's risk changes afterwards.
/// </summary>
public sealed class HighRiskAtQuarterEndTests : IAsyncLifetime
{
    private static readonly Quarter Q3 = Quarter.Parse("2026Q3");
    private static readonly Actor Viewer = new("civil-affairs", "viewer", Role.Viewer);

    // 2026-09-10 10:00 in China: inside Q3.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 10, 2, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private BoardClock _clock = null!;
    private ScreeningService _screenings = null!;
    private FiguresService _figures = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _clock = new BoardClock(_time, BoardClock.ChinaStandardTime);
        _database = await TestDatabase.CreateAsync(Ct);
        _screenings = new ScreeningService(_database, new InProcessBoardNotifier(NullLogger<InProcessBoardNotifier>.Instance), _clock);
        _figures = new FiguresService(_database, _clock);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> RegisterAsync(int serial, string risk) =>
        (await _screenings.RecordAsync(TestInputs.CivilAffairs,
            TestInputs.OfNewChild(TestInputs.CivilAffairs, TestInputs.NewChild("风险儿童", serial: serial, categories: ["left-behind"]), _clock.Today, risk), Ct)).ChildId;

    private async Task<decimal> HighRiskAsync(Quarter quarter) =>
        (await _figures.ReportAsync(Viewer, quarter, Ct)).Current.Total(IndicatorCatalogue.HighRisk);

    [Fact]
    public async Task A_past_quarter_counts_the_risk_of_its_last_day_not_todays()
    {
        var loweredLater = await RegisterAsync(1, "high");
        var raisedLater = await RegisterAsync(2, "low");
        await RegisterAsync(3, "urgent");
        var backdated = await RegisterAsync(4, "low");
        Assert.Equal(2m, await HighRiskAsync(Q3));

        // Into Q4: the first child's new household screening finds nothing, the second's finds a high risk, and a
        // health check dated back in Q3 (typed in late) raises a third child — from the day it was recorded.
        _time.SetUtcNow(new DateTimeOffset(2026, 10, 8, 2, 0, 0, TimeSpan.Zero));
        await _screenings.RecordAsync(TestInputs.CivilAffairs, TestInputs.OfChild(TestInputs.CivilAffairs, loweredLater, _clock.Today, "low"), Ct);
        await _screenings.RecordAsync(TestInputs.CivilAffairs, TestInputs.OfChild(TestInputs.CivilAffairs, raisedLater, _clock.Today, "high"), Ct);
        await _screenings.RecordAsync(TestInputs.Health, TestInputs.OfChild(TestInputs.Health, backdated, new DateOnly(2026, 9, 25), "urgent"), Ct);

        await using (var db = _database.CreateDbContext())
        {
            var now = await db.Children.ToDictionaryAsync(c => c.Id, c => c.Risk, Ct);
            Assert.Equal(RiskLevel.Low, now[loweredLater]);
            Assert.Equal(RiskLevel.High, now[raisedLater]);
            Assert.Equal(RiskLevel.Urgent, now[backdated]);
            // Every change is kept, with the day it was made.
            var history = await db.ChildRiskChanges.Where(r => r.ChildId == loweredLater).OrderBy(r => r.Id).Select(r => new { r.Since, r.Level }).ToListAsync(Ct);
            Assert.Equal([new { Since = new DateOnly(2026, 9, 10), Level = RiskLevel.High }, new { Since = new DateOnly(2026, 10, 8), Level = RiskLevel.Low }], history);
        }

        Assert.Equal(2m, await HighRiskAsync(Q3));
        // The quarter in progress counts today's risk: the child raised, the child raised late, the urgent one.
        Assert.Equal(3m, await HighRiskAsync(Quarter.Parse("2026Q4")));
    }
}
