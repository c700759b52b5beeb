using Coordination.Core.Data;

namespace Coordination.Web.Hosting;

/// <summary>
/// Holds the running-board lock on the database file while the server runs, so that <c>restore</c> refuses to
/// replace a file a board is serving from. The OS drops the lock if the process dies, even by SIGKILL.
/// </summary>
public sealed class RunningBoardLock(DataLocation location) : IHostedService, IDisposable
{
    private IDisposable? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (BoardBackup.PathOf(location.ConnectionString) is { } path)
        {
            _lock = BoardBackup.HoldRunningLock(path);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}

/// <summary>
/// The scheduled backup: every <c>Backup:Interval</c> (a day unless set) an online copy into <c>Backup:Directory</c>,
/// checked, keeping the newest <c>Backup:Keep</c> (14 unless set). Off when no directory is configured, except in
/// Production, where it defaults to a <c>backups</c> folder beside the database.
/// </summary>
public sealed partial class ScheduledBackup(DataLocation location, IConfiguration config, IHostEnvironment env, TimeProvider time, ILogger<ScheduledBackup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (BoardBackup.PathOf(location.ConnectionString) is not { } database)
        {
            return;
        }
        var directory = config["Backup:Directory"];
        if (string.IsNullOrWhiteSpace(directory))
        {
            if (!env.IsProduction())
            {
                return;
            }
            directory = Path.Combine(Path.GetDirectoryName(database)!, "backups");
        }
        var keep = config.GetValue("Backup:Keep", 14);
        var interval = config.GetValue("Backup:Interval", TimeSpan.FromDays(1));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var name = "board-" + time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".db";
                var check = await Task.Run(() => BoardBackup.Backup(database, Path.Combine(directory, name)), stoppingToken);
                var pruned = BoardBackup.Prune(directory, keep);
                BackedUp(check.Path, check.Children, check.LastSequence, pruned.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up the board to {Path} ({Children} children, events to {Sequence}); removed {Pruned} old copies")]
    private partial void BackedUp(string path, long children, long sequence, int pruned);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled backup failed")]
    private partial void Failed(Exception ex);
}
