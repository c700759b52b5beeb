using Coordination.Core;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

/// <summary>
/// Two people changing one record at once: a stale edit is refused with who changed it (never silently lost), and
/// the loser of two concurrent merges gets a refusal of the work, never a database error.
/// </summary>
public sealed class ChildConcurrencyTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private readonly InProcessBoardNotifier _notifier = new(NullLogger<InProcessBoardNotifier>.Instance);
    private TestDatabase _database = null!;
    private ScreeningService _screenings = null!;
    private ChildService _children = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Ct);
        _screenings = new ScreeningService(_database, _notifier, _clock.Board);
        _children = new ChildService(_database, _notifier, _clock.Board);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<(Guid Id, NewChild Identity)> RegisterAsync(int serial)
    {
        var identity = TestInputs.NewChild("陈小明", serial: serial);
        var recorded = await _screenings.RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health, identity, _clock.Today), Ct);
        return (recorded.ChildId, identity);
    }

    private async Task<Child> ReadAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Children.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_saying_who_changed_the_record_and_the_first_edit_stands()
    {
        var (id, identity) = await RegisterAsync(serial: 41);
        var read = (await ReadAsync(id)).Version;
        var health = TestInputs.Health with { Account = "li.hua@health.test" };
        await _children.UpdateAsync(health, id, new UpdateChild(identity, new ChildDetails(GuardianName: "陈大山"), read), Ct);

        var stale = await Assert.ThrowsAsync<ChildConflictException>(() =>
            _children.UpdateAsync(TestInputs.Education, id, new UpdateChild(identity, new ChildDetails(GuardianName: "陈二山"), read), Ct));

        Assert.Equal("health", stale.ByAgencyKey);
        Assert.Equal("li.hua@health.test", stale.ByPerson);
        Assert.Equal(read + 1, stale.Version);
        var now = await ReadAsync(id);
        Assert.Equal("陈大山", now.GuardianName);
        Assert.Equal(read + 1, now.Version);
        // With the version it now has, the second person's edit goes through.
        await _children.UpdateAsync(TestInputs.Education, id, new UpdateChild(identity, new ChildDetails(GuardianName: "陈二山"), now.Version), Ct);
        Assert.Equal("陈二山", (await ReadAsync(id)).GuardianName);
    }

    [Fact]
    public async Task Two_concurrent_edits_on_one_version_save_one_and_refuse_the_other()
    {
        var (id, identity) = await RegisterAsync(serial: 42);
        var read = (await ReadAsync(id)).Version;

        var outcomes = await Task.WhenAll(new[] { "陈大山", "陈二山" }.Select(async guardian =>
        {
            try
            {
                await _children.UpdateAsync(TestInputs.Health, id, new UpdateChild(identity, new ChildDetails(GuardianName: guardian), read), Ct);
                return (Saved: guardian, Refused: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Saved: (string?)null, Refused: ex);
            }
        }));

        var saved = Assert.Single(outcomes, o => o.Saved is not null);
        var refused = Assert.Single(outcomes, o => o.Refused is not null);
        Assert.IsType<ChildConflictException>(refused.Refused);
        Assert.Equal(saved.Saved, (await ReadAsync(id)).GuardianName);
    }

    [Fact]
    public async Task The_loser_of_two_concurrent_merges_is_refused_by_the_work_not_by_a_database_error()
    {
        for (var round = 0; round < 3; round++)
        {
            var (kept, _) = await RegisterAsync(serial: 50 + (round * 3));
            var (other, _) = await RegisterAsync(serial: 51 + (round * 3));
            var (duplicate, _) = await RegisterAsync(serial: 52 + (round * 3));

            var outcomes = await Task.WhenAll(new[] { kept, other }.Select(async into =>
            {
                try
                {
                    await _children.MergeAsync(TestInputs.CivilAffairsLead, into, duplicate, Ct);
                    return null;
                }
                catch (Exception ex)
                {
                    return ex;
                }
            }));

            Assert.Single(outcomes, o => o is null);
            var loser = Assert.Single(outcomes, o => o is not null)!;
            Assert.True(loser is ChildConflictException or DomainException { Code: "Error.Merge.AlreadyMerged" }, loser.ToString());
            Assert.Equal(ChildStatus.Merged, (await ReadAsync(duplicate)).Status);
        }
    }
}
