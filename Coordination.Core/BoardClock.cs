namespace Coordination.Core;

/// <summary>
/// The board's notion of "today": the work happens in China Standard Time whatever the server's zone.
/// Time itself always comes from <see cref="TimeProvider"/> so tests can move it.
/// </summary>
public sealed class BoardClock(TimeProvider time, TimeZoneInfo zone)
{
    public static TimeZoneInfo ChinaStandardTime { get; } = FindChinaZone();

    public TimeProvider Time => time;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static TimeZoneInfo FindChinaZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("CST+8", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
