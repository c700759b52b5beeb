using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

public sealed class RiskRefreshTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(Ct);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_risk_whose_screening_left_the_twelve_month_window_is_derived_again()
    {
        var notifier = new InProcessBoardNotifier(NullLogger<InProcessBoardNotifier>.Instance);
        var screenings = new ScreeningService(_database, notifier, _clock.Board);
        var children = new ChildService(_database, notifier, _clock.Board);
        var id = (await screenings.RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild(), _clock.Today, "high"), Ct)).ChildId;

        Assert.Equal(0, await children.RefreshRisksAsync(Ct));
        _clock.Time.Advance(TimeSpan.FromDays(370));
        var changed = await children.RefreshRisksAsync(Ct);

        Assert.Equal(1, changed);
        await using var db = _database.CreateDbContext();
        Assert.Equal(RiskLevel.None, (await db.Children.SingleAsync(c => c.Id == id, Ct)).Risk);
    }
}
