using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Core.Data;

/// <summary>How the board reaches its SQLite file.</summary>
public static class Database
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(CoordinationDbContext).Assembly.FullName))
            .AddInterceptors(new SqlitePragmas());

    /// <summary>A connection string for a file path, with foreign keys on and a shared cache off.</summary>
    public static string ConnectionStringFor(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = true }.ToString();

    /// <summary>Applies the migrations and switches the file to WAL (which then stays on for the file).</summary>
    public static async Task MigrateAsync(CoordinationDbContext db, CancellationToken ct = default)
    {
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!string.IsNullOrEmpty(source) && source != ":memory:")
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>Whether a save failed on a UNIQUE constraint (SQLite's extended code 2067), as when two requests insert one key at once.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };
}
