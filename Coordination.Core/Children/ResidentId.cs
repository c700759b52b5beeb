using System.Globalization;

namespace Coordination.Core.Children;

/// <summary>
/// 居民身份证号 — the 18-character resident ID of GB 11643-1999: a 6-digit region code, the birth date
/// (yyyyMMdd), a 3-digit sequence whose last digit is odd for men and even for women, and an ISO 7064
/// MOD 11-2 check character (0-9 or X).
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Upper-cases a trailing x and trims; does not validate.</summary>
    public static string Normalize(string? text) => (text ?? "").Trim().ToUpperInvariant();

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>Null when valid, else the resource key of what is wrong.</summary>
    public static string? Problem(string? text)
    {
        var id = Normalize(text);
        if (id.Length == 0)
        {
            return "Error.ResidentId.Required";
        }
        if (id.Length != 18)
        {
            return "Error.ResidentId.Length";
        }
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return "Error.ResidentId.Format";
            }
        }
        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X')
        {
            return "Error.ResidentId.Format";
        }
        if (id[0] == '0' || BirthDate(id) is null)
        {
            return "Error.ResidentId.Format";
        }
        if (CheckCharacter(id) != id[17])
        {
            return "Error.ResidentId.CheckDigit";
        }
        return null;
    }

    public static bool IsValid(string? text) => Problem(text) is null;

    /// <summary>The birth date the number encodes, or null when it is not a real date.</summary>
    public static DateOnly? BirthDate(string id) =>
        id.Length >= 14 && DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>The sex the number encodes: the 17th digit is odd for men.</summary>
    public static Sex SexOf(string id) => (id[16] - '0') % 2 == 1 ? Sex.M : Sex.F;

    /// <summary>
    /// The one mask of a resident ID, used by every face (register, profile, search, API, exports): the 6-digit
    /// region code, then 12 stars — 350583************.
    /// <para>
    /// Why nothing more: the birth date (characters 7–14) is shown beside the number and the sex gives the parity
    /// of the 17th digit, so the region plus any of the last four characters leaves a few dozen candidates, and
    /// the last four with the region leave exactly one. With region, birth date and sex known, about 500 numbers
    /// still fit (two free sequence digits, five of the third; the check character follows) and nothing a role
    /// without <see cref="Access.Rights.CanRevealResidentId"/> can read tells them apart: it cannot search by
    /// resident ID either (<see cref="Access.Rights.CanSearchByResidentId"/>). The full number comes only from
    /// an audited reveal. A value that is not 18 characters shows no character at all.
    /// </para>
    /// </summary>
    public static string Mask(string id) =>
        id.Length == 18 ? string.Concat(id.AsSpan(0, 6), "************") : new string('*', id.Length);
}
