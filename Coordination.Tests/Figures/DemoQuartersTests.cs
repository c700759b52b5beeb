using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Board;
using Coordination.Core.Demo;
using Coordination.Core.Figures;
using Coordination.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Figures;

/// <summary>Issue 10's demo: on a fresh demo register the quarter before the last finished one is submitted by all four and locked.</summary>
public sealed class DemoQuartersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_previous_to_last_quarter_is_locked_and_the_last_one_partly_submitted()
    {
        var clock = new TestClock();
        await using var database = await TestDatabase.CreateAsync(Ct);
        await using (var db = database.CreateDbContext())
        {
            Assert.True(await DemoData.SeedAsync(db, clock.Board, ct: Ct) > 0);
        }
        var notifier = new InProcessBoardNotifier(NullLogger<InProcessBoardNotifier>.Instance);
        var figures = new FiguresService(database, clock.Board);
        var signOff = new FiguresSignOffService(database, figures, notifier, clock.Board);

        await DemoQuarters.SignOffAsync(signOff, figures, Ct);

        var viewer = new Actor("civil-affairs", "viewer", Role.Viewer);
        var locked = await figures.ReportAsync(viewer, figures.LastFinishedQuarter.Previous, Ct);
        Assert.True(locked.IsLocked);
        Assert.True(locked.SignOff.AllSubmitted);
        Assert.Equal(429m, locked.Current.Total(IndicatorCatalogue.ParentSchools));
        Assert.NotEqual(0m, locked.Current.Total(IndicatorCatalogue.ScreeningsKey(Core.Screenings.ScreeningKind.Household)));
        var last = await signOff.StateAsync(viewer, figures.LastFinishedQuarter, Ct);
        Assert.False(last.IsLocked);
        Assert.Equal(2, last.SubmittedCount);
    }
}
