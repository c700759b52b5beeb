namespace Coordination.Core.Access;

/// <summary>
/// Who may do what: the one place the rules of access are written. Services call these before reading or
/// changing anything, whatever face the request came through; the faces only hide what these refuse.
/// </summary>
public static class Rights
{
    public static readonly string CivilAffairs = "civil-affairs";

    private static bool Works(Actor a) => a.Role is Role.Lead or Role.Liaison;

    /// <summary>
    /// Lead and liaison record their own agency's kind; a township supervisor records household screenings of
    /// children in its township.
    /// </summary>
    public static bool CanRecordScreening(Actor a, ScreeningKind kind, string? agencyScreeningKind, string childTownship) =>
        (Works(a) && agencyScreeningKind == kind.Key())
        || (a.Role == Role.Township && kind == ScreeningKind.Household && a.TownshipKey == childTownship);

    public static bool CanRecordAssistance(Actor a) => Works(a);

    public static bool CanEditChild(Actor a) => Works(a);

    public static bool CanCloseChild(Actor a) => Works(a);

    /// <summary>Merging two records of one child is civil affairs' decision, taken by its lead.</summary>
    public static bool CanMerge(Actor a) => a.Role == Role.Lead && a.AgencyKey == CivilAffairs;

    public static bool CanCreateReferral(Actor a) => Works(a);

    /// <summary>
    /// Who acts on a referral, written once: accept, decline and complete only the agency it is addressed to; withdraw
    /// only the agency that sent it; in either, its lead or liaison. <see cref="Referrals.Referral.MayAct"/> adds the
    /// state the referral must be in; the service and the referrals page both ask it.
    /// </summary>
    public static bool CanActOnReferral(Actor a, Referrals.ReferralAction action, string fromAgency, string toAgency) =>
        Works(a) && action switch
        {
            Referrals.ReferralAction.Accepted or Referrals.ReferralAction.Declined or Referrals.ReferralAction.Completed => a.AgencyKey == toAgency,
            Referrals.ReferralAction.Withdrawn => a.AgencyKey == fromAgency,
            _ => false,
        };

    /// <summary>Reading a child's file: not the wall, not the administrator; a township only its own children.</summary>
    public static bool CanViewChild(Actor a, string childTownship) => a.Role switch
    {
        Role.Lead or Role.Liaison or Role.Viewer => true,
        Role.Township => a.TownshipKey == childTownship,
        _ => false,
    };

    /// <summary>The register list; a township account sees its own township's children only.</summary>
    public static bool CanListChildren(Actor a) => a.Role is Role.Lead or Role.Liaison or Role.Viewer or Role.Township;

    /// <summary>The full resident ID, revealed on purpose and audited: for those who register and act for children.</summary>
    public static bool CanRevealResidentId(Actor a) => Works(a);

    /// <summary>
    /// Finding a child by resident ID: only those who may reveal it, and only by the whole number (they hold the
    /// card). Anyone else could test the few hundred IDs that fit a child's region, birth date and sex against
    /// the search and learn the one that answers.
    /// </summary>
    public static bool CanSearchByResidentId(Actor a) => CanRevealResidentId(a);

    /// <summary>Referral lists and files: whoever reads children's files; a township only its own children's.</summary>
    public static bool CanReadReferrals(Actor a) => CanListChildren(a);

    /// <summary>One referral of a child of <paramref name="childTownship"/>: the same rule as the child's file.</summary>
    public static bool CanReadReferral(Actor a, string childTownship) => CanViewChild(a, childTownship);

    /// <summary>
    /// Counts, figures, programme progress and the board's tiles: every signed-in role, the wall included. They
    /// name no child.
    /// </summary>
    public static bool CanReadAggregates(Actor a) => Enum.IsDefined(a.Role);

    /// <summary>
    /// The board's lines about single children (masked names, the feed, overdue referrals): those who read files,
    /// a township only its own children's; the wall (display) and the administrator see aggregates only.
    /// </summary>
    public static bool CanSeeBoardLines(Actor a) => CanListChildren(a);

    /// <summary>
    /// The township a reader is confined to (a township supervisor's), or null for readers of the whole city.
    /// Every read of children, referrals and board lines filters by it.
    /// </summary>
    public static string? ConfinedTo(Actor a) => a.Role == Role.Township ? a.TownshipKey ?? "" : null;

    /// <summary>Reference data (townships, villages): every signed-in role.</summary>
    public static bool CanReadReferenceData(Actor a) => Enum.IsDefined(a.Role);

    public static bool CanAdminister(Actor a) => a.Role == Role.Admin;

    /// <summary>The meeting-room wall (aggregates, masked names): the display device and anyone who works the whole city's board; not a township account, whose view is one township.</summary>
    public static bool CanViewWall(Actor a) => a.Role is Role.Display or Role.Lead or Role.Liaison or Role.Viewer or Role.Admin;

    /// <summary>The quarterly workbook: agency heads and the administrator who sends it.</summary>
    public static bool CanExport(Actor a) => a.Role is Role.Lead or Role.Admin;

    /// <summary>The quarterly figures (aggregates): everyone who may read the board, the wall display included.</summary>
    public static bool CanReadFigures(Actor a) => a.Role is Role.Lead or Role.Liaison or Role.Viewer or Role.Township or Role.Admin or Role.Display;

    /// <summary>The records behind a figure (masked): those who may list the register.</summary>
    public static bool CanOpenFigureRecords(Actor a) => CanListChildren(a);

    /// <summary>提交 — an agency's part of a quarter is vouched for by that agency's own lead, nobody else.</summary>
    public static bool CanSubmitFigures(Actor a, string agencyKey) => a.Role == Role.Lead && a.AgencyKey == agencyKey;

    /// <summary>The reported figures of an agency (donations, stations, volunteers, a remark): its own lead enters them.</summary>
    public static bool CanEnterReportedFigures(Actor a, string agencyKey) => CanSubmitFigures(a, agencyKey);

    /// <summary>锁定 — civil affairs, the lead agency, locks a quarter once every agency has submitted; its lead does it.</summary>
    public static bool CanLockFigures(Actor a) => a.Role == Role.Lead && a.AgencyKey == CivilAffairs;

    /// <summary>解锁 — reopening a signed quarter is the administrator's action, with a reason, audited.</summary>
    public static bool CanUnlockFigures(Actor a) => a.Role == Role.Admin;

    /// <summary>Anyone who screens at all: the agencies' lead and liaison, and a township supervisor.</summary>
    public static bool CanScreen(Actor a) => Works(a) || a.Role == Role.Township;

    /// <summary>Throws <see cref="ForbiddenException"/> unless <paramref name="allowed"/>; <paramref name="code"/> says why in words.</summary>
    public static void Require(bool allowed, string what, string code = "Error.Forbidden")
    {
        if (!allowed)
        {
            throw new ForbiddenException(code, $"Not allowed: {what}.");
        }
    }
}
