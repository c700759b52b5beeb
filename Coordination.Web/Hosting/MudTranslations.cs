using MudBlazor;

namespace Coordination.Web.Hosting;

/// <summary>
/// MudBlazor's own words — a number or date it cannot read, a required field, the date picker's buttons — in
/// the person's language, from <c>SharedResource</c> under <c>Mud.&lt;MudBlazor's key&gt;</c>. A key not listed
/// there keeps MudBlazor's English.
/// </summary>
public sealed class MudTranslations(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private LocalizedString Translate(string key, object[] arguments)
    {
        var found = localizer["Mud." + key, arguments];
        return found.ResourceNotFound
            ? new LocalizedString(key, key, resourceNotFound: true)
            : new LocalizedString(key, found.Value);
    }
}
