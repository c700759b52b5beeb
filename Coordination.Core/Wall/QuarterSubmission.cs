namespace Coordination.Core.Wall;

/// <summary>Where the last quarter's figures stand: not yet submitted, submitted (and when, by whom), or locked.</summary>
public enum SubmissionState
{
    NotSubmitted = 1,
    Submitted = 2,
    Locked = 3,
}

/// <summary>
/// The submission and lock state of one quarter's figures, as the wall shows it: submitted once all four agencies
/// have; <see cref="SubmittedAgencies"/> says how many have so far.
/// </summary>
public sealed record QuarterSubmission(Quarter Quarter, SubmissionState State, DateTimeOffset? SubmittedAt = null, string? SubmittedByAgency = null, DateTimeOffset? LockedAt = null, int SubmittedAgencies = 0)
{
    public const int Agencies = 4;
}
