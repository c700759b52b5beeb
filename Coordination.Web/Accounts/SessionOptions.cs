namespace Coordination.Web.Accounts;

/// <summary>
/// How long a sign-in lasts (<c>Sessions:*</c>): it ends after <see cref="IdleMinutes"/> without a request and
/// after <see cref="AbsoluteHours"/> in any case; a wall display's device session lasts <see cref="DisplayDays"/>.
/// </summary>
public sealed class SessionOptions
{
    public int IdleMinutes { get; set; } = 30;

    public int AbsoluteHours { get; set; } = 10;

    public int DisplayDays { get; set; } = 90;

    public int LockoutFailures { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How often an open page checks that its session still holds (a disabled account, an ended display session).</summary>
    public int RevalidateSeconds { get; set; } = 60;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);

    public TimeSpan Display => TimeSpan.FromDays(DisplayDays);

    public TimeSpan Revalidate => TimeSpan.FromSeconds(Math.Clamp(RevalidateSeconds, 1, 3600));
}
