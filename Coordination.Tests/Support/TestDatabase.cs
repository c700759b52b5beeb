using Coordination.Core.Data;
using Coordination.Core.Reference;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Tests.Support;

/// <summary>
/// A fresh SQLite file in its own temp folder, migrated with the real migrations and loaded with the
/// shipped reference data: what the services meet in production, one per test.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<CoordinationDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<CoordinationDbContext> _options;

    private TestDatabase(string folder)
    {
        Folder = folder;
        Path = System.IO.Path.Combine(folder, "coordination.db");
        var builder = new DbContextOptionsBuilder<CoordinationDbContext>();
        Database.Configure(builder, Database.ConnectionStringFor(Path));
        _options = builder.Options;
    }

    public string Folder { get; }

    public string Path { get; }

    public static string DataDirectory { get; } = ReferenceData.LocateDataDirectory(null, AppContext.BaseDirectory);

    public static async Task<TestDatabase> CreateAsync(CancellationToken ct)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new TestDatabase(folder);
        await using var db = database.CreateDbContext();
        await Database.MigrateAsync(db, ct);
        await ReferenceData.LoadAsync(db, DataDirectory, ct);
        return database;
    }

    public CoordinationDbContext CreateDbContext() => new(_options);

    /// <summary>Rows in the tables a screening writes to, to show that refused input changed nothing.</summary>
    public async Task<(int Children, int Screenings, int BoardEvents)> CountRowsAsync(CancellationToken ct)
    {
        await using var db = CreateDbContext();
        return (await db.Children.CountAsync(ct), await db.Screenings.CountAsync(ct), await db.BoardEvents.CountAsync(ct));
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its -wal/-shm) open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test that passed.
        }
        return ValueTask.CompletedTask;
    }
}
