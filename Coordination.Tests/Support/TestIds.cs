using System.Globalization;
using Coordination.Core.Children;

namespace Coordination.Tests.Support;

/// <summary>Makes resident IDs for tests: valid by GB 11643, in the synthetic region 999999, unique per call.</summary>
public static class TestIds
{
    private static int _order;

    public static string Valid(DateOnly birth, Sex sex)
    {
        var order = Interlocked.Increment(ref _order) % 500 * 2 + (sex == Sex.M ? 1 : 0);
        var first17 = "999999" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + order.ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentId.CheckCharacter(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithWrongCheckDigit(string valid)
    {
        var wrong = valid[17] == '1' ? '2' : '1';
        return string.Concat(valid.AsSpan(0, 17), wrong.ToString());
    }
}
