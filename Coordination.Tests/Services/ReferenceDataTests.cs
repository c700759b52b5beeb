using Coordination.Core.Reference;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Tests.Services;

public sealed class ReferenceDataTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(Ct);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Twenty_seven_areas_and_four_agencies_load()
    {
        await using var db = _database.CreateDbContext();
        var townships = await db.Townships.OrderBy(t => t.SortOrder).ToListAsync(Ct);
        var agencies = await db.Agencies.OrderBy(a => a.SortOrder).ToListAsync(Ct);

        Assert.Equal(27, townships.Count);
        Assert.Equal(26, townships.Count(t => t.IsTownship));
        Assert.Equal("xuefeng-kaifaqu", Assert.Single(townships, t => !t.IsTownship).Key);
        Assert.Equal(["civil-affairs", "womens-federation", "health", "education"], agencies.Select(a => a.Key));
        Assert.Equal(["household", "psychological", "health-check", "school-survey"], agencies.Select(a => a.ScreeningKind));
        Assert.Equal("妇联", agencies[1].Name);
        Assert.Equal("Women's Federation", agencies[1].NameEn);
        Assert.Equal(Enumerable.Range(1, 27), townships.Select(t => t.SortOrder));
    }

    [Fact]
    public async Task Loading_twice_does_not_duplicate()
    {
        await using (var db = _database.CreateDbContext())
        {
            await ReferenceData.LoadAsync(db, TestDatabase.DataDirectory, Ct);
        }

        await using var check = _database.CreateDbContext();
        Assert.Equal(27, await check.Townships.CountAsync(Ct));
        Assert.Equal(4, await check.Agencies.CountAsync(Ct));
        Assert.Equal(27, await check.Townships.Select(t => t.SortOrder).Distinct().CountAsync(Ct));
    }

    [Fact]
    public void Data_directory_is_the_repositorys_not_a_copy_in_bin()
    {
        var dir = ReferenceData.LocateDataDirectory(null, AppContext.BaseDirectory);

        Assert.True(File.Exists(Path.Combine(dir, ReferenceData.TownshipsFile)));
        Assert.DoesNotContain(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, dir, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_data_directory_wins() =>
        Assert.Equal(Path.GetFullPath("somewhere/data"), ReferenceData.LocateDataDirectory("somewhere/data", AppContext.BaseDirectory));
}
