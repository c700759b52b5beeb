using MudBlazor;

namespace Coordination.Web.Hosting;

/// <summary>
/// MudBlazor's own words — a number or date it cannot read, a required field, the date picker's buttons — in
/// the person's language, from <c>SharedResource</c> under <c>Mud.&lt;MudBlazor's key&gt;</c>. A key not listed
/// there keeps MudBlazor's English.
/// </summary>
public sealed partial class MudTranslations(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private LocalizedString Translate(string key, object[] arguments)
    {
        var found = localizer["Mud." + key];
        if (found.ResourceNotFound)
        {
            return new LocalizedString(key, key, resourceNotFound: true);
        }
        // Some of MudBlazor's texts pass arguments yet name their own placeholders ({first_item}), which MudBlazor
        // fills itself: only a text with numbered placeholders is formatted here.
        return new LocalizedString(key, arguments.Length > 0 && NumberedPlaceholder().IsMatch(found.Value)
            ? string.Format(CultureInfo.CurrentCulture, found.Value, arguments)
            : found.Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\d+[,:}]")]
    private static partial System.Text.RegularExpressions.Regex NumberedPlaceholder();
}
