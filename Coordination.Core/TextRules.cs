using System.Globalization;

namespace Coordination.Core;

/// <summary>
/// The one rule for text a person types, for every free-text field of every face: a length limit, and no
/// characters that hide or rewrite what a reader sees (NUL and other controls, bidi overrides), no line breaks in a
/// name or a one-line field, and not only invisible characters.
/// </summary>
public static class TextRules
{
    /// <summary>
    /// The resource key of the problem with <paramref name="value"/>, or null when it is acceptable (an empty or
    /// missing value is acceptable here: whether it is required is the field's own rule).
    /// </summary>
    public static string? Problem(string? value, int maxLength, bool multiline = false)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length > maxLength)
        {
            return "Error.Text.TooLong";
        }
        var visible = false;
        foreach (var c in value)
        {
            if (c is '\n' or '\r' or '\t')
            {
                if (!multiline)
                {
                    return "Error.Text.Control";
                }
                continue;
            }
            if (IsForbidden(c))
            {
                return "Error.Text.Control";
            }
            if (!char.IsWhiteSpace(c) && !IsInvisible(c))
            {
                visible = true;
            }
        }
        return visible || value.Trim().Length == 0 ? null : "Error.Text.Invisible";
    }

    /// <summary>Adds the problem with a field's value, if any, to <paramref name="errors"/>; true when there was none.</summary>
    public static bool Check(string? value, int maxLength, string field, InputErrors errors, bool multiline = false)
    {
        if (Problem(value, maxLength, multiline) is { } code)
        {
            errors.Add(field, code);
            return false;
        }
        return true;
    }

    /// <summary>Controls (C0, DEL, C1), bidi embeddings, overrides and isolates, line and paragraph separators.</summary>
    private static bool IsForbidden(char c) =>
        char.IsControl(c)
        || c is >= '\u202A' and <= '\u202E' // LRE RLE PDF LRO RLO
        || c is >= '\u2066' and <= '\u2069' // LRI RLI FSI PDI
        || c is '\u200E' or '\u200F' or '\u061C' // LRM RLM ALM
        || c is '\u2028' or '\u2029'
        || c is '\uFFF9' or '\uFFFA' or '\uFFFB'; // interlinear annotation

    /// <summary>Characters that take no space on the page: zero-width space and joiners, word joiner, BOM, soft hyphen.</summary>
    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
