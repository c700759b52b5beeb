using Coordination.Core.Assistance;
using Coordination.Core.Referrals;

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
    public string Urgency(ReferralUrgency urgency) => localizer["Urgency." + urgency.Key()];

    public string Status(ReferralStatus status) => localizer["ReferralStatus." + status.Key()];

    public string Action(ReferralAction action) => localizer["ReferralAction." + action.Key()];

    /// <summary>Who did it, as a liaison reads it: the board itself, an API client, an agency's liaison, or (with accounts) a name.</summary>
    public string Person(string agencyKey, string person) =>
        person == ReferralStep.BoardPerson ? localizer["Person.Board"]
        : person.StartsWith("api:", StringComparison.Ordinal) ? localizer["Person.Api"]
        : person == Actor.ForAgency(agencyKey).Person ? localizer["Person.Liaison"]
        : person;

    /// <summary>A due time's length: hours below two days, else days.</summary>
    public string Duration(TimeSpan span) =>
        span < TimeSpan.FromDays(2)
            ? localizer["Duration.Hours", Math.Round(span.TotalHours).ToString(CultureInfo.InvariantCulture)]
            : localizer["Duration.Days", Math.Round(span.TotalDays).ToString(CultureInfo.InvariantCulture)];

    /// <summary>What happened instead, for the liaison who lost a race: "此转介已被 卫健局 接收".</summary>
    public string Conflict(ReferralConflictException conflict) =>
        conflict.LastAction is { } action
            ? localizer["Referral.Conflict." + action.Key(), Agency(conflict.ByAgencyKey)]
            : localizer["Referral.Conflict"];

    /// <summary>The message of any domain error, a lost race told as what happened.</summary>
    public string Error(DomainException ex) => ex is ReferralConflictException conflict ? Conflict(conflict) : localizer[ex.Code];

    public string Agency(string? key) => catalog.Agency(key)?.DisplayName(English) ?? key ?? "";

    public string Township(string? key) => catalog.Township(key)?.DisplayName(English) ?? key ?? "";

    /// <summary>The translated message of an error code from Core.</summary>
    public string Error(string code) => localizer[code];

    public string Date(DateOnly date) => date.ToString(English ? "d MMM yyyy" : "yyyy年M月d日", CultureInfo.InvariantCulture);

    public string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, BoardClock.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, BoardClock.ChinaStandardTime).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
