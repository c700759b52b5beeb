namespace Coordination.Core.Wall;

/// <summary>
/// The figures the wall takes from the quarterly figures rather than from the board: programme progress against
/// targets and the submission and lock state of the last quarter. One seam, so the wall shows exactly what the
/// figures service says once it exists (<see cref="AssistanceWallFigures"/> is today's source).
/// </summary>
public interface IWallFigures
{
    Task<IReadOnlyList<WallProgramme>> ProgrammesAsync(DateOnly today, CancellationToken ct);

    Task<QuarterSubmission> LastQuarterAsync(Quarter lastQuarter, CancellationToken ct);
}
