using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

public sealed class BoardEventLogTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private TestDatabase _database = null!;
    private BoardEventLog _log = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Ct);
        _log = new BoardEventLog(_database);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    /// <summary>Three children registered by screenings: six events, 1 to 6.</summary>
    private async Task RecordThreeScreeningsAsync()
    {
        var service = new ScreeningService(_database, new InProcessBoardNotifier(NullLogger<InProcessBoardNotifier>.Instance), _clock.Board);
        await service.RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, TestInputs.NewChild("陈小明", serial: 1), _clock.Today, "low"), Ct);
        await service.RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild("林雨涵", Sex.F, serial: 2, township: "liucheng-jiedao"), _clock.Today, "high"), Ct);
        await service.RecordAsync(TestInputs.Education, TestInputs.OfNewChild(TestInputs.Education, TestInputs.NewChild("王浩", serial: 3), _clock.Today, "none"), Ct);
    }

    [Fact]
    public async Task Empty_log_has_nothing_and_last_sequence_zero()
    {
        Assert.Empty(await _log.AfterAsync(TestInputs.CivilAffairs, 0, ct: Ct));
        Assert.Equal(0, await _log.LastSequenceAsync(Ct));
    }

    [Fact]
    public async Task Events_after_a_sequence_are_exactly_the_later_ones_in_order()
    {
        await RecordThreeScreeningsAsync();

        for (var after = 0L; after <= 6; after++)
        {
            var events = await _log.AfterAsync(TestInputs.CivilAffairs, after, ct: Ct);
            Assert.Equal(Enumerable.Range((int)after + 1, 6 - (int)after).Select(n => (long)n), events.Select(e => e.Sequence));
        }
    }

    [Fact]
    public async Task Client_that_was_away_catches_up_page_by_page()
    {
        await RecordThreeScreeningsAsync();

        var first = await _log.AfterAsync(TestInputs.CivilAffairs, 0, limit: 4, ct: Ct);
        var rest = await _log.AfterAsync(TestInputs.CivilAffairs, first[^1].Sequence, limit: 4, ct: Ct);

        Assert.Equal([1L, 2, 3, 4], first.Select(e => e.Sequence));
        Assert.Equal([5L, 6], rest.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Last_sequence_is_that_of_the_newest_event()
    {
        await RecordThreeScreeningsAsync();

        Assert.Equal(6, await _log.LastSequenceAsync(Ct));
        Assert.Empty(await _log.AfterAsync(TestInputs.CivilAffairs, 6, ct: Ct));
    }

    [Fact]
    public async Task Events_carry_keys_but_no_personal_data()
    {
        await RecordThreeScreeningsAsync();

        var events = await _log.AfterAsync(TestInputs.CivilAffairs, 0, ct: Ct);

        var health = events.Single(e => e.Kind == BoardEventKinds.ScreeningRecorded && e.Agency == "health");
        Assert.Equal("liucheng-jiedao", health.Township);
        Assert.Equal("health-check", health.Detail?.Kind);
        Assert.Equal("high", health.Risk);
        Assert.All(events, e => Assert.DoesNotContain("林雨涵", e.Summary, StringComparison.Ordinal));
        Assert.All(events, e => Assert.Equal(TestClock.Start, e.OccurredAt));
    }
}
