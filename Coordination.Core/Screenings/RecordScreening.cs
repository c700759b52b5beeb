using Coordination.Core.Screenings.Details;

namespace Coordination.Core.Screenings;

/// <summary>
/// What a liaison submits to record a screening: of a child on the register (<see cref="ChildId"/>) or of a
/// child not yet on it (<see cref="NewChild"/>), which the screening registers. <see cref="DistinctFrom"/> lists the
/// children with the same name, birth date and township that the caller has seen and says the new child is not
/// (see <see cref="NearDuplicateException"/>).
/// </summary>
public sealed record RecordScreening(
    string? Kind,
    DateOnly? Date,
    Guid? ChildId,
    NewChild? NewChild,
    string? Risk,
    IReadOnlyList<string>? Needs,
    string? Findings,
    ScreeningDetails? Details = null,
    IReadOnlyList<Guid>? DistinctFrom = null);
