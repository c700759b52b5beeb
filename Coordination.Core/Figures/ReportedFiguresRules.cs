using System.Globalization;

namespace Coordination.Core.Figures;

/// <summary>
/// The rules of a reported figure as typed at the form or sent to the API: a number (not negative, within a
/// sane limit, whole for counts, at most two decimals for yuan) for one of the agency's own reported
/// indicators; an empty field clears it. Field names are the indicator keys, <c>remark</c> for the remark.
/// </summary>
public static class ReportedFiguresRules
{
    /// <summary>A quarter's donations above a billion yuan are a typing slip, not a donation.</summary>
    public const decimal MaxYuan = 1_000_000_000m;

    /// <summary>Stations, schools, palaces, volunteers: Nan'an counts them in hundreds or thousands.</summary>
    public const decimal MaxCount = 100_000m;

    public const int RemarkMaxLength = 2000;

    public const string RemarkField = "remark";

    public static IEnumerable<Indicator> Of(string agencyKey) => IndicatorCatalogue.Reported.Where(i => i.AgencyKey == agencyKey);

    /// <summary>Reads every field into a value (null = cleared), adding a message per bad field.</summary>
    public static Dictionary<string, decimal?> Check(string agencyKey, IReadOnlyDictionary<string, string?> values, string? remark, InputErrors errors)
    {
        var own = Of(agencyKey).ToDictionary(i => i.Key);
        var result = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var (key, text) in values)
        {
            if (!own.TryGetValue(key, out var indicator))
            {
                errors.Add(key, "Error.Reported.NotYours");
                continue;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                result[key] = null;
                continue;
            }
            var t = text.Trim().Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add(key, "Error.Reported.NotANumber");
                continue;
            }
            if (value < 0)
            {
                errors.Add(key, "Error.Reported.Negative");
                continue;
            }
            var yuan = indicator.Unit == IndicatorUnit.Yuan;
            if (value > (yuan ? MaxYuan : MaxCount))
            {
                errors.Add(key, yuan ? "Error.Reported.TooLarge.Yuan" : "Error.Reported.TooLarge.Count");
                continue;
            }
            if (yuan ? decimal.Round(value, 2) != value : decimal.Truncate(value) != value)
            {
                errors.Add(key, yuan ? "Error.Reported.Cents" : "Error.Reported.Whole");
                continue;
            }
            result[key] = value;
        }
        TextRules.Check(remark, RemarkMaxLength, RemarkField, errors, multiline: true);
        return result;
    }
}
