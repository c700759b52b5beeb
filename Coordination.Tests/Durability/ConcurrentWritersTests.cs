using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Durability;

/// <summary>Never a lost write, never a database-locked error: concurrent writers wait for each other.</summary>
public sealed class ConcurrentWritersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twenty_writers_posting_for_seconds_all_get_201_and_the_event_sequence_has_no_gap_or_duplicate()
    {
        await using var app = new BoardApp();
        _ = app.Address;
        var before = await app.CountRowsAsync();
        var burst = new ScreeningBurst();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));

        await burst.RunAsync(20, _ => app.Api("health"), stop.Token);

        Assert.Empty(burst.Failures);
        Assert.True(burst.CreatedCount >= 20, $"only {burst.CreatedCount} screenings in four seconds");
        var factory = app.Services.GetRequiredService<IDbContextFactory<Coordination.Core.Data.CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        var sequences = await db.BoardEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        var ids = burst.Created.ToHashSet();
        Assert.Equal(burst.CreatedCount, ids.Count);
        Assert.Equal(ids.Count, await db.Screenings.CountAsync(s => ids.Contains(s.Id), Ct));
        Assert.Equal(before.Events + 2 * ids.Count, sequences.Count);
    }
}
