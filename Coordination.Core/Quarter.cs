using System.Globalization;

namespace Coordination.Core;

/// <summary>A calendar quarter, written <c>2026Q3</c> (also in JSON).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(QuarterJsonConverter))]
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public static Quarter Parse(string text) =>
        TryParse(text, out var q) ? q : throw new FormatException($"'{text}' is not a quarter like 2026Q3.");

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is null || text.Length != 6 || char.ToUpperInvariant(text[4]) != 'Q')
        {
            return false;
        }
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n is < 1 or > 4 || year < 2000)
        {
            return false;
        }
        quarter = new Quarter(year, n);
        return true;
    }

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
