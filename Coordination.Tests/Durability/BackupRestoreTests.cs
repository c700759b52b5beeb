using Coordination.Core.Board;
using Coordination.Core.Data;
using Coordination.Tests.Support;
using Coordination.Web.Cli;
using Microsoft.Data.Sqlite;
using System.Net.Http.Json;

namespace Coordination.Tests.Durability;

/// <summary><c>backup</c> while the board serves and writes go on, and <c>restore</c> with its refusals.</summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Output)> RunAsync(BoardApp app, params string[] args)
    {
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(app.Services, args, output);
        return (code, output.ToString());
    }

    private static List<(long Sequence, string Kind)> Events(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT Sequence, Kind FROM BoardEvents ORDER BY Sequence";
        using var reader = cmd.ExecuteReader();
        var events = new List<(long, string)>();
        while (reader.Read())
        {
            events.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return events;
    }

    [Fact]
    public async Task A_backup_taken_while_writes_go_on_restores_into_a_fresh_file_with_the_counts_and_events_of_the_backup_point()
    {
        await using var app = new BoardApp();
        _ = app.Address;
        var folder = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var backup = Path.Combine(folder, "backup.db");
        var burst = new ScreeningBurst();
        using var stop = new CancellationTokenSource();
        var writing = burst.RunAsync(4, _ => app.Api("health"), stop.Token);
        await Waiting.UntilAsync(() => Task.FromResult(burst.CreatedCount >= 10), what: "writes under way");

        var (code, output) = await RunAsync(app, "backup", "--out", backup);
        var duringBackup = burst.CreatedCount;
        await Waiting.UntilAsync(() => Task.FromResult(burst.CreatedCount >= duringBackup + 10), what: "writes going on after the backup");
        await stop.CancelAsync();
        await writing;

        Assert.True(code == 0, output);
        Assert.Empty(burst.Failures);
        var fresh = Path.Combine(folder, "restored.db");
        var (restored, kept) = BoardBackup.Restore(fresh, backup);
        Assert.Null(kept);
        Assert.Equal("ok", restored.Integrity);
        var restoredEvents = Events(fresh);
        var sourceEvents = Events(app.DatabasePath);
        Assert.True(restoredEvents.Count < sourceEvents.Count, "writes went on after the backup point");
        Assert.Equal(sourceEvents.Take(restoredEvents.Count), restoredEvents);
        Assert.Equal(Enumerable.Range(1, restoredEvents.Count).Select(i => (long)i), restoredEvents.Select(e => e.Sequence));
        Assert.Equal(restoredEvents.Count(e => e.Kind == BoardEventKinds.ChildRegistered), restored.Children);
        Assert.Equal(restoredEvents.Count(e => e.Kind == BoardEventKinds.ScreeningRecorded), restored.Screenings);
        Assert.Contains(restored.LastSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), output, StringComparison.Ordinal);

        // Restoring over an existing (stopped) board keeps the file it replaces, intact.
        var (again, keptFile) = BoardBackup.Restore(fresh, backup);
        Assert.NotNull(keptFile);
        Assert.Equal(restored.LastSequence, BoardBackup.CheckBoardFile(keptFile).LastSequence);
        Assert.Equal(restored.LastSequence, again.LastSequence);
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Restore_refuses_the_file_of_a_running_board_and_changes_nothing()
    {
        await using var app = new BoardApp();
        _ = app.Address;
        var folder = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));
        var backup = Path.Combine(folder, "backup.db");
        Assert.Equal(0, (await RunAsync(app, "backup", "--out", backup)).Code);
        using (var api = app.Api("health"))
        {
            (await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(), Ct)).EnsureSuccessStatusCode();
        }
        var before = await app.CountRowsAsync();

        var (code, output) = await RunAsync(app, "restore", "--from", backup);

        Assert.Equal(1, code);
        Assert.Contains(app.Chinese("Restore.Running"), output, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountRowsAsync());
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_board_database_whether_text_or_another_SQLite_file()
    {
        await using var app = new BoardApp();
        _ = app.Address;
        var folder = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var text = Path.Combine(folder, "notes.db");
        await File.WriteAllTextAsync(text, "not a database at all, just some words to fill a page of bytes", Ct);
        var other = Path.Combine(folder, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE Things (Id INTEGER PRIMARY KEY)";
            await cmd.ExecuteNonQueryAsync(Ct);
        }
        var target = Path.Combine(folder, "board.db");

        foreach (var file in new[] { text, other })
        {
            var refused = Assert.Throws<BackupRefusedException>(() => BoardBackup.Restore(target, file));
            Assert.Equal("Restore.NotBoard", refused.Code);
            Assert.False(File.Exists(target));
        }
        // The console says so in the board's language, before it even looks at the board it would replace.
        var before = await app.CountRowsAsync();
        var viaCli = await RunAsync(app, "restore", "--from", other);
        Assert.Equal(1, viaCli.Code);
        Assert.Contains(app.Chinese("Restore.NotBoard"), viaCli.Output, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountRowsAsync());
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
