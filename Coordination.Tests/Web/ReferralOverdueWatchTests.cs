using System.Collections.Concurrent;
using Coordination.Core.Board;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Web;

/// <summary>The background watch that turns time passing into <c>referral.overdue</c> events, on a clock the test moves.</summary>
public sealed class ReferralOverdueWatchTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private readonly InProcessBoardNotifier _notifier = new(NullLogger<InProcessBoardNotifier>.Instance);
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(Ct);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_watch_reports_an_urgent_referral_once_when_24_hours_pass_without_acceptance()
    {
        var referrals = ReferralSetup.Service(_database, _notifier, _clock);
        var child = await ReferralSetup.ChildAsync(new ScreeningService(_database, _notifier, _clock.Board), _clock, ct: Ct);
        var sent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child, "urgent"), Ct);
        var overdue = new ConcurrentQueue<BoardEventMessage>();
        using var subscription = _notifier.Subscribe(e =>
        {
            if (e.Kind == BoardEventKinds.ReferralOverdue)
            {
                overdue.Enqueue(e);
            }
            return Task.CompletedTask;
        });
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ReferralOverdueWatch.IntervalKey] = "00:01:00" }).Build();
        using var watch = new ReferralOverdueWatch(referrals, _clock.Time, config, NullLogger<ReferralOverdueWatch>.Instance);

        await watch.StartAsync(Ct);
        Assert.Equal(TimeSpan.FromMinutes(1), watch.Interval);
        // Each minute the watch checks; a day of minutes passes.
        for (var minute = 0; minute < 24 * 60 + 5; minute++)
        {
            _clock.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await Waiting.UntilAsync(() => Task.FromResult(!overdue.IsEmpty), what: "the watch reports the overdue referral");
        for (var minute = 0; minute < 30; minute++)
        {
            _clock.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await watch.StopAsync(Ct);

        var e = Assert.Single(overdue);
        Assert.Equal(sent.Referral.Id, e.SubjectId);
        Assert.Equal(0, await referrals.MarkOverdueAsync(Ct));
    }
}
