using Coordination.Core.Assistance;
using Coordination.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Core.Wall;

/// <summary>
/// Today's source of the wall's figures: the programmes' progress from <see cref="AssistanceService"/>, and
/// Golden-Autumn aid (pupils helped and yuan paid this year) from the assistance records. The board keeps no
/// submission or lock of a quarter yet (issue 10 brings it), so <see cref="LastQuarterAsync"/> reports honestly
/// that the quarter is not submitted; it never pretends otherwise.
/// </summary>
internal sealed class AssistanceWallFigures(AssistanceService assistance, IDbContextFactory<CoordinationDbContext> dbFactory) : IWallFigures
{

    public async Task<IReadOnlyList<WallProgramme>> ProgrammesAsync(DateOnly today, CancellationToken ct)
    {
        var progress = await assistance.ProgressAsync(WallService.Room, ct);
        var result = progress
            .Where(p => p.Programme.IsRunningOn(today))
            .Select(p => new WallProgramme(p.Programme.Key, p.Programme.Name, p.Programme.NameEn, p.Achieved, p.Programme.Target, p.Programme.Unit, p.AmountFen, p.Programme.Deadline))
            .ToList();
        if (!progress.Any(p => p.Programme.Kind == AssistanceKind.GoldenAutumnAid))
        {
            var yearStart = new DateOnly(today.Year, 1, 1);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var aid = db.AssistanceRecords.Where(r => r.Kind == AssistanceKind.GoldenAutumnAid && r.Date >= yearStart && r.Date <= today);
            var pupils = await aid.Select(r => r.ChildId).Distinct().CountAsync(ct);
            var fen = await aid.SumAsync(r => (long?)r.AmountFen, ct) ?? 0;
            result.Add(new WallProgramme(WallProgramme.GoldenAutumnKey, "", "", pupils, null, ProgrammeUnit.Children, fen, null));
        }
        return result;
    }

    public Task<QuarterSubmission> LastQuarterAsync(Quarter lastQuarter, CancellationToken ct) =>
        Task.FromResult(new QuarterSubmission(lastQuarter, SubmissionState.NotSubmitted));
}
