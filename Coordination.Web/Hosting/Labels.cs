using System.Globalization;
using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Core.Reference;
using Coordination.Core.Screenings;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Hosting;

/// <summary>The words the interface shows for the domain's keys, in the person's language.</summary>
public sealed class Labels(IStringLocalizer<SharedResource> localizer, ReferenceCatalog catalog)
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string key] => localizer[key];

    public string Text(string key, params object[] args) => localizer[key, args];

    public string Kind(ScreeningKind kind) => localizer["Kind." + kind.Key()];

    public string Kind(string? key) => key is null ? "" : localizer["Kind." + key];

    public string Risk(RiskLevel risk) => localizer["Risk." + risk.Key()];

    public string Category(ChildCategory category) => localizer["Category." + category.Key()];

    public string Need(Need need) => localizer["Need." + need.Key()];

    public string SexName(Sex sex) => localizer["Sex." + sex];

    public string Agency(string? key) => catalog.Agency(key)?.DisplayName(English) ?? key ?? "";

    public string Township(string? key) => catalog.Township(key)?.DisplayName(English) ?? key ?? "";

    /// <summary>The translated message of an error code from Core.</summary>
    public string Error(string code) => localizer[code];

    public string Date(DateOnly date) => date.ToString(English ? "yyyy-MM-dd" : "yyyy年M月d日", CultureInfo.InvariantCulture);

    public string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, BoardClock.ChinaStandardTime).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
