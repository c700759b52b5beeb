namespace Coordination.Core.Figures;

/// <summary>
/// Where a quarter's figures stand on their way to being signed: each agency's submission, the lock in force (if
/// any), the last unlock, and the reported figures with who entered them. Every agency may read it.
/// </summary>
public sealed record QuarterSignOff(
    Quarter Quarter,
    IReadOnlyList<AgencySignOff> Agencies,
    QuarterLockInfo? Lock,
    QuarterUnlockInfo? LastUnlock,
    IReadOnlyList<ReportedEntry> Reported)
{
    public bool IsLocked => Lock is not null;

    public bool AllSubmitted => Agencies.All(a => a.SubmittedAt is not null);

    public int SubmittedCount => Agencies.Count(a => a.SubmittedAt is not null);

    public AgencySignOff? Of(string agencyKey) => Agencies.FirstOrDefault(a => a.AgencyKey == agencyKey);

    public ReportedEntry? ReportedOf(string agencyKey, string key) =>
        Reported.FirstOrDefault(r => r.AgencyKey == agencyKey && r.Key == key);
}

public sealed record AgencySignOff(string AgencyKey, DateTimeOffset? SubmittedAt, string? SubmittedBy);

public sealed record QuarterLockInfo(DateTimeOffset LockedAt, string LockedBy, string Fingerprint);

public sealed record QuarterUnlockInfo(DateTimeOffset UnlockedAt, string UnlockedBy, string Reason);

/// <summary>A reported value (or an agency's remark, <see cref="ReportedFigure.RemarkKey"/>) with who entered it and when.</summary>
public sealed record ReportedEntry(string AgencyKey, string Key, decimal? Value, string? Text, DateTimeOffset EnteredAt, string EnteredBy);
