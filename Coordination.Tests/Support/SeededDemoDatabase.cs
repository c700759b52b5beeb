using Coordination.Core.Demo;

namespace Coordination.Tests.Support;

/// <summary>One database seeded with the demo data, shared by the tests that only read it (seeding takes a while).</summary>
public sealed class SeededDemoDatabase : IAsyncLifetime
{
    public TestClock Clock { get; } = new();

    public TestDatabase Database { get; private set; } = null!;

    public int ChildrenMade { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Database = await TestDatabase.CreateAsync(ct);
        await using var db = Database.CreateDbContext();
        ChildrenMade = await DemoData.SeedAsync(db, Clock.Board, ct: ct);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
