namespace Coordination.Core.Audit;

/// <summary>
/// One act of the audit trail as the audit page and its export show it: each field holds one thing. The account is
/// one identity (an e-mail address or an API key's name); a sign-in's agency and role are the account's; the changed
/// fields are only ever field names; why a sign-in was refused is <see cref="Reason"/>; the object is named readably
/// (<see cref="Object"/>) beside its kind and id.
/// </summary>
public sealed record AuditRow(
    long Id,
    DateTimeOffset At,
    string Account,
    string? AgencyKey,
    string? Role,
    string Action,
    string? Subject,
    string? SubjectId,
    AuditObject? Object,
    string? ChangedFields,
    string? Reason,
    string? From);

/// <summary>
/// What an audited record is, in words a reader knows it by, without personal data beyond a masked name: a child's
/// (or the child of a screening, assistance record or category) masked name and township; a referral's agencies and
/// need; a village's, an API key's or an account's name.
/// </summary>
public sealed record AuditObject(string? MaskedChildName = null, string? TownshipKey = null, string? FromAgencyKey = null,
    string? ToAgencyKey = null, string? Need = null, string? Name = null);

/// <summary>A page of the trail and how many acts the filters match in all.</summary>
public sealed record AuditRowsPage(IReadOnlyList<AuditRow> Rows, int Total);
