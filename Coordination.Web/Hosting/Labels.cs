using System.Globalization;
using Coordination.Core;
using Coordination.Core.Assistance;
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

    public string Assistance(AssistanceKind kind) => localizer["Assistance." + kind.Key()];

    public string Assistance(string? key) => key is null ? "" : localizer["Assistance." + key];

    public string Relation(GuardianRelation relation) => localizer["Relation." + relation.Key()];

    public string Closure(ClosureReason reason) => localizer["Closure." + reason.Key()];

    public string Status(ChildStatus status) => localizer["Status." + status.Key()];

    public string Guardianship(GuardianshipSituation situation) => localizer["Guardianship." + situation.Key()];

    public string Living(LivingConditions conditions) => localizer["Living." + conditions.Key()];

    public string Flag(PsychologicalFlag flag) => localizer["Flag." + flag.Key()];

    public string Band(PsychologicalBand band) => localizer["Band." + band.Key()];

    /// <summary>One reason of a child's risk, in words.</summary>
    public string Reason(RiskReason reason) => reason.Code == "Risk.Reason.Assessed"
        ? localizer[reason.Code, Agency(reason.AgencyKey), reason.Kind is { } k ? Kind(k) : "", reason.Date is { } d ? Date(d) : "", Risk(reason.Level)]
        : localizer[reason.Code];

    public string Programme(Programme programme) => programme.DisplayName(English);

    /// <summary>Fen as yuan with two decimals: ¥1,234.50.</summary>
    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    public string Agency(string? key) => catalog.Agency(key)?.DisplayName(English) ?? key ?? "";

    public string Township(string? key) => catalog.Township(key)?.DisplayName(English) ?? key ?? "";

    /// <summary>The translated message of an error code from Core.</summary>
    public string Error(string code) => localizer[code];

    public string Date(DateOnly date) => date.ToString(English ? "yyyy-MM-dd" : "yyyy年M月d日", CultureInfo.InvariantCulture);

    public string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, BoardClock.ChinaStandardTime).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
