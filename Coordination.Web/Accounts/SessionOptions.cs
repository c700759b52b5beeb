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

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);

    public TimeSpan Display => TimeSpan.FromDays(DisplayDays);
}
