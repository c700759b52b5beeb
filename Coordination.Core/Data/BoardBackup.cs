using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Coordination.Core.Data;

/// <summary>What a copy of the board holds: checked with <c>PRAGMA integrity_check</c>, counted.</summary>
public sealed record BackupCheck(string Path, string Integrity, long Children, long Screenings, long Events, long LastSequence)
{
    public bool IsOk => Integrity == "ok";
}

/// <summary>Why a backup or restore was refused; <see cref="Code"/> is a resource key for the console.</summary>
public sealed class BackupRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// Online backup and checked restore of the board's SQLite file. The backup uses SQLite's backup API in one step
/// (a consistent snapshot while the board serves and writes go on: writers wait at most a moment, never fail).
/// A running board holds <see cref="LockPathFor"/> exclusively; restore refuses while it is held.
/// </summary>
public static class BoardBackup
{
    private static readonly string[] BoardTables = ["__EFMigrationsHistory", "Children", "Screenings", "BoardEvents", "Townships"];

    /// <summary>The file a running board holds locked for as long as it serves from <paramref name="databasePath"/>.</summary>
    public static string LockPathFor(string databasePath) => Path.GetFullPath(databasePath) + ".running";

    /// <summary>
    /// Holds the running-board lock on <paramref name="databasePath"/> until disposed (the OS drops it if the process dies).
    /// Throws <see cref="BackupRefusedException"/> when another board already holds it.
    /// </summary>
    public static IDisposable HoldRunningLock(string databasePath)
    {
        try
        {
            var stream = new FileStream(LockPathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return stream;
        }
        catch (IOException ex)
        {
            throw new BackupRefusedException("Backup.Running", $"Another board is already running on {databasePath}.") { Source = ex.Source };
        }
    }

    public static bool IsRunning(string databasePath)
    {
        if (!File.Exists(LockPathFor(databasePath)))
        {
            return false;
        }
        try
        {
            using var probe = new FileStream(LockPathFor(databasePath), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>The file path of a connection string (null for an in-memory database).</summary>
    public static string? PathOf(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
    }

    /// <summary>Copies the live database at <paramref name="databasePath"/> to <paramref name="outPath"/> (which must not exist) and checks the copy.</summary>
    public static BackupCheck Backup(string databasePath, string outPath)
    {
        outPath = Path.GetFullPath(outPath);
        if (File.Exists(outPath))
        {
            throw new BackupRefusedException("Backup.OutExists", $"{outPath} already exists; a backup never overwrites a file.");
        }
        if (Path.GetFullPath(databasePath) == outPath)
        {
            throw new BackupRefusedException("Backup.OutExists", $"{outPath} is the board's own file.");
        }
        var dir = Path.GetDirectoryName(outPath);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        var partial = outPath + ".partial";
        File.Delete(partial);
        // A copy is one file (no WAL beside it): what is copied off the machine is all there is.
        Copy(databasePath, SqliteOpenMode.ReadWrite, partial, "DELETE");
        var check = Check(partial);
        if (!check.IsOk)
        {
            throw new BackupRefusedException("Backup.CopyDamaged", $"The copy failed its integrity check: {check.Integrity}");
        }
        File.Move(partial, outPath);
        return check with { Path = outPath };
    }

    /// <summary>SQLite's online backup of one file into another (safe while the source is written), then the copy's journal mode.</summary>
    private static void Copy(string fromPath, SqliteOpenMode fromMode, string toPath, string journalMode)
    {
        using (var from = Open(fromPath, fromMode))
        using (var to = Open(toPath, SqliteOpenMode.ReadWriteCreate))
        {
            from.BackupDatabase(to);
            using var pragma = to.CreateCommand();
            pragma.CommandText = $"PRAGMA journal_mode={journalMode};";
            pragma.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// Replaces the board at <paramref name="databasePath"/> with the backup <paramref name="fromPath"/>: refuses while a board runs on it
    /// and refuses a file that is not a sound board database; keeps the file it replaces beside it; checks what it restored.
    /// Returns the check of the restored file and where the replaced one was kept (null when there was none).
    /// </summary>
    public static (BackupCheck Restored, string? Kept) Restore(string databasePath, string fromPath)
    {
        databasePath = Path.GetFullPath(databasePath);
        fromPath = Path.GetFullPath(fromPath);
        if (!File.Exists(fromPath))
        {
            throw new BackupRefusedException("Restore.NoFile", $"{fromPath} does not exist.");
        }
        if (fromPath == databasePath)
        {
            throw new BackupRefusedException("Restore.Same", "The backup is the board's own file.");
        }
        var source = CheckBoardFile(fromPath);
        if (IsRunning(databasePath))
        {
            throw new BackupRefusedException("Restore.Running", $"A board is running on {databasePath}: stop it first, then restore.");
        }
        SqliteConnection.ClearAllPools();
        string? kept = null;
        if (File.Exists(databasePath))
        {
            kept = databasePath + ".before-restore-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            // A consistent copy of the file being replaced, its WAL included, before anything is touched.
            Backup(databasePath, kept);
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }
        }
        Copy(fromPath, SqliteOpenMode.ReadOnly, databasePath, "WAL");
        var restored = Check(databasePath);
        if (!restored.IsOk || (restored.Children, restored.Screenings, restored.LastSequence) != (source.Children, source.Screenings, source.LastSequence))
        {
            throw new BackupRefusedException("Restore.Mismatch", $"The restored file does not match the backup (integrity: {restored.Integrity}); the replaced file is kept at {kept}.");
        }
        return (restored, kept);
    }

    /// <summary>Checks that <paramref name="path"/> is a sound board database and counts it; refuses anything else.</summary>
    public static BackupCheck CheckBoardFile(string path)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT name FROM sqlite_master WHERE type='table'";
            var names = new HashSet<string>(StringComparer.Ordinal);
            using (var reader = tables.ExecuteReader())
            {
                while (reader.Read())
                {
                    names.Add(reader.GetString(0));
                }
            }
            if (!BoardTables.All(names.Contains))
            {
                throw new BackupRefusedException("Restore.NotBoard", $"{path} is an SQLite file but not a board database (it has no board tables).");
            }
        }
        catch (SqliteException ex)
        {
            throw new BackupRefusedException("Restore.NotBoard", $"{path} is not a board database: {ex.Message}");
        }
        SqliteConnection.ClearAllPools();
        var check = Check(path);
        if (!check.IsOk)
        {
            throw new BackupRefusedException("Restore.Damaged", $"{path} failed its integrity check: {check.Integrity}");
        }
        return check;
    }

    /// <summary><c>PRAGMA integrity_check</c> and the register's counts.</summary>
    public static BackupCheck Check(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        string Scalar(string sql)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        }
        var integrity = Scalar("PRAGMA integrity_check");
        long Count(string sql) => long.Parse(Scalar(sql) is { Length: > 0 } s ? s : "0", CultureInfo.InvariantCulture);
        return new BackupCheck(path, integrity,
            Count("SELECT COUNT(*) FROM Children"), Count("SELECT COUNT(*) FROM Screenings"),
            Count("SELECT COUNT(*) FROM BoardEvents"), Count("SELECT COALESCE(MAX(Sequence), 0) FROM BoardEvents"));
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 60 }.ToString());
        connection.Open();
        using var busy = connection.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout=30000;";
        busy.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Keeps the newest <paramref name="keep"/> files named <c>board-*.db</c> in <paramref name="directory"/>; deletes the rest.</summary>
    public static IReadOnlyList<string> Prune(string directory, int keep)
    {
        var old = new DirectoryInfo(directory).GetFiles("board-*.db").OrderByDescending(f => f.Name, StringComparer.Ordinal).Skip(Math.Max(1, keep)).ToList();
        foreach (var file in old)
        {
            file.Delete();
        }
        return old.Select(f => f.FullName).ToList();
    }
}
