using System.Globalization;
using Coordination.Core.Children;

namespace Coordination.Tests.Support;

/// <summary>Valid resident IDs for test children: a real-format number with the right check character.</summary>
public static class TestResidentIds
{
    public const string Region = "350583";

    /// <summary>The ID of a child born on <paramref name="birth"/>; <paramref name="serial"/> tells children of one day apart.</summary>
    public static string For(DateOnly birth, Sex sex, int serial = 0, string region = Region)
    {
        var order = (serial % 500 * 2) + (sex == Sex.M ? 1 : 0);
        var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + order.ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentId.CheckCharacter(first17);
    }

    private static int _next;

    /// <summary>A valid ID not handed out before in this test run (tests sharing one app must not collide).</summary>
    public static string Unique(DateOnly birth, Sex sex) => For(birth, sex, Interlocked.Increment(ref _next));

    /// <summary>A valid ID for that birth date and sex whose check character is X.</summary>
    public static string EndingInX(DateOnly birth, Sex sex, string region = Region) =>
        Enumerable.Range(0, 500).Select(serial => For(birth, sex, serial, region)).First(id => id[17] == 'X');

    /// <summary>The same number with a check character that is wrong for it.</summary>
    public static string WithWrongCheck(string id)
    {
        var wrong = id[17] == '0' ? '1' : '0';
        return id[..17] + wrong;
    }
}
