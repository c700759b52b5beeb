using Microsoft.Data.Sqlite;

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

    /// <summary>Owner read and write, nobody else: the files hold children's personal data.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Applies the migrations and switches the file to WAL (which then stays on for the file). The file is made
    /// readable by the service's own user only (0600 on Unix) before SQLite first opens it; SQLite gives its -wal and
    /// -shm files the main file's mode. A file found with wider rights is narrowed.
    /// </summary>
    public static async Task MigrateAsync(CoordinationDbContext db, CancellationToken ct = default)
    {
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!string.IsNullOrEmpty(source) && source != ":memory:")
        {
            var path = Path.GetFullPath(source);
            var dir = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
            KeepPrivate(path);
        }
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>Whether a save failed on a UNIQUE constraint (SQLite's extended code 2067), as when two requests insert one key at once.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };
    /// <summary>Creates <paramref name="path"/> empty with owner-only rights if it is missing, and narrows it (and its -wal, -shm, -journal) if wider.</summary>
    public static void KeepPrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (!File.Exists(path))
        {
            using (new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly }))
            {
            }
        }
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file) && (File.GetUnixFileMode(file) & ~OwnerOnly) != 0)
            {
                File.SetUnixFileMode(file, OwnerOnly);
            }
        }
    }
}
