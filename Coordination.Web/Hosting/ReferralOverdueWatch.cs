using Coordination.Core.Referrals;

namespace Coordination.Web.Hosting;

/// <summary>
/// Notices referrals going past their due times: at start (to catch up after downtime) and then every
/// <c>Referrals:OverdueCheckInterval</c> (one minute by default), it asks <see cref="ReferralService.MarkOverdueAsync"/>
/// to report what became overdue. Time comes from <see cref="TimeProvider"/>, so tests move it instead of waiting.
/// </summary>
public sealed partial class ReferralOverdueWatch(
    ReferralService referrals,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<ReferralOverdueWatch> logger) : BackgroundService
{
    public const string IntervalKey = "Referrals:OverdueCheckInterval";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    public TimeSpan Interval => configuration.GetValue(IntervalKey, DefaultInterval) is { } i && i > TimeSpan.Zero ? i : DefaultInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await CheckAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        try
        {
            var reported = await referrals.MarkOverdueAsync(ct);
            if (reported > 0)
            {
                Reported(reported);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // One failed pass (a locked file, say) must not stop the watch: the next pass reports what this one missed.
            CheckFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} referral(s) became overdue")]
    private partial void Reported(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The overdue check of referrals failed; it runs again next interval")]
    private partial void CheckFailed(Exception exception);
}
