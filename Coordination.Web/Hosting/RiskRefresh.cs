namespace Coordination.Web.Hosting;

/// <summary>
/// Screenings age out of the 12-month window that the risk rules read: at start and every few hours the stored
/// risk of every active child is derived again for today (a change to a child re-derives it at once anyway).
/// </summary>
public sealed partial class RiskRefresh(ChildService children, TimeProvider time, ILogger<RiskRefresh> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var changed = await children.RefreshRisksAsync(stoppingToken);
                if (changed > 0)
                {
                    Refreshed(changed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-derived the risk of {Count} children for today")]
    private partial void Refreshed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-deriving risks failed")]
    private partial void Failed(Exception exception);
}
