using System.Text.RegularExpressions;
using MudBlazor;
using MudBlazor.Utilities.Exceptions;

namespace Coordination.Web.Components.Shared;

/// <summary>
/// How every date field in the forms shows and reads a date: 2026年12月2日 in Chinese, 2 Dec 2026 in English, and
/// typed as 2026-12-02, 2026/12/2, 2026.12.2, 20261202 or 2026年12月2日 (and 2 Dec 2026) in either language. Given to
/// each <see cref="MudDatePicker"/> as its <c>Converter</c>, in place of a <c>DateFormat</c> per field.
/// </summary>
public sealed partial class FormDate : IReversibleConverter<DateTime?, string?>
{
    /// <summary>The one converter the forms' date fields use (it keeps no state).</summary>
    public static readonly FormDate Converter = new();

    private static readonly string[] Accepted =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
        "d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy",
    ];

    private FormDate()
    {
    }

    /// <summary>The date as the forms show it, in the person's language.</summary>
    public static string Show(DateTime date) =>
        date.ToString(Labels.English ? "d MMM yyyy" : "yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>A typed date, or null for an empty field; false for text that is not a date.</summary>
    public static bool TryRead(string? text, out DateTime? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        // Spaces around the separators (2026 年 12 月 2 日, 2026 - 12 - 02) and full-width digits are still a date.
        var compact = SpacedSeparator().Replace(text.Trim().Normalize(System.Text.NormalizationForm.FormKC), "$1");
        if (DateTime.TryParseExact(compact, Accepted, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var read))
        {
            date = read.Date;
            return true;
        }
        return false;
    }

    public string? Convert(DateTime? value) => value is { } date ? Show(date) : null;

    /// <summary>Text that is not a date is refused with MudBlazor's own message key (translated in the resources).</summary>
    public DateTime? ConvertBack(string? value) =>
        TryRead(value, out var date) ? date : throw new ConversionException("Converter_InvalidDateTime", [], null);

    [GeneratedRegex(@"\s*([年月日/.\-])\s*")]
    private static partial Regex SpacedSeparator();
}
