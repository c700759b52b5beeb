using Coordination.Core.Audit;
using Coordination.Core.Figures;

namespace Coordination.Web.Components.Admin;

/// <summary>
/// The words of an audit row, the same on the audit page and in its export: each column what its header says.
/// </summary>
public static class AuditText
{
    public static readonly IReadOnlyList<string> Actions =
    [
        AuditActions.Created, AuditActions.Updated, AuditActions.Deleted, AuditActions.ChildViewed, AuditActions.ResidentIdRevealed,
        AuditActions.SignInSucceeded, AuditActions.SignInFailed, AuditActions.SignedOut, AuditActions.Exported,
        AuditActions.AccountDisabled, AuditActions.AccountEnabled, AuditActions.AccountPasswordReset, AuditActions.AccountSessionsEnded, AuditActions.AccountRemoved,
        AuditActions.FiguresSubmitted, AuditActions.FiguresWithdrawn, AuditActions.FiguresLocked, AuditActions.FiguresUnlocked, AuditActions.FiguresReported,
        AuditActions.FigureRecordsOpened,
    ];

    private static readonly HashSet<string> Subjects =
        ["Child", "ChildCategoryEnrolment", "Screening", "AssistanceRecord", "Referral", "ReferralStep", "Village", "ApiKey", "Account", AuditLog.AuditSubjectTrail,
         "Quarter", "Figure", "ReportedFigure"];

    private static readonly HashSet<string> Reasons = ["wrong-password", "locked-out", "disabled", "unknown-account"];

    public static string Action(Labels l, string action) => Actions.Contains(action) ? l["Audit.Action." + action] : action;

    public static string Agency(Labels l, AuditRow row) => row.AgencyKey is null ? "" : l.Agency(row.AgencyKey);

    public static string Role(Labels l, AuditRow row) => row.Role is null ? "" : l["Role." + row.Role];

    public static string Reason(Labels l, AuditRow row) =>
        row.Reason is null ? "" : Reasons.Contains(row.Reason) ? l["Audit.Reason." + row.Reason] : row.Reason;

    public static string Kind(Labels l, AuditRow row) =>
        row.Subject is null ? "" : Subjects.Contains(row.Subject) ? l["Audit.Subject." + row.Subject] : row.Subject;

    /// <summary>The object as a reader knows it: a child's masked name and township; a referral's agencies, need and child; a name.</summary>
    public static string Object(Labels l, AuditRow row)
    {
        if (row.Subject is "Quarter" or "Figure" or "ReportedFigure" && row.SubjectId is { } id)
        {
            return FiguresObject(l, id);
        }
        if (row.Object is not { } o)
        {
            return "";
        }
        var parts = new List<string>();
        if (o.FromAgencyKey is not null && o.ToAgencyKey is not null)
        {
            parts.Add($"{l.Agency(o.FromAgencyKey)} → {l.Agency(o.ToAgencyKey)}");
        }
        if (o.Need is not null && EnumKeys.TryParse<Need>(o.Need, out var need))
        {
            parts.Add(l.Need(need));
        }
        if (o.MaskedChildName is not null)
        {
            parts.Add(o.TownshipKey is null ? o.MaskedChildName : $"{o.MaskedChildName}（{l.Township(o.TownshipKey)}）");
        }
        if (o.Name is not null)
        {
            parts.Add(o.Name);
        }
        return string.Join(" · ", parts);
    }

    /// <summary>
    /// A quarter's sign-off (<c>health/2026Q3</c>, or <c>2026Q3</c> for the lock) or an indicator's records
    /// (<c>2026Q3/children.high-risk</c>) or an agency's reported figure (<c>2026Q3/education/reported.youth-palaces</c>):
    /// the agency and indicator by their names beside the quarter.
    /// </summary>
    private static string FiguresObject(Labels l, string id)
    {
        var parts = id.Split('/');
        return parts switch
        {
            [var q] when Quarter.TryParse(q, out _) => q,
            [var agency, var q] when Quarter.TryParse(q, out _) && !Quarter.TryParse(agency, out _) => $"{l.Agency(agency)} · {q}",
            [var q, var indicator] when Quarter.TryParse(q, out _) && IndicatorCatalogue.TryGet(indicator, out var i) => $"{q} · {i.DisplayName(Labels.English)}",
            [var q, var agency, var indicator] when Quarter.TryParse(q, out _) && IndicatorCatalogue.TryGet(indicator, out var i) =>
                $"{l.Agency(agency)} · {q} · {i.DisplayName(Labels.English)}",
            _ => id,
        };
    }
}
