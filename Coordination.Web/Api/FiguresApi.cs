using Coordination.Core.Export;
using Coordination.Core.Figures;

namespace Coordination.Web.Api;

/// <summary>The quarterly figures under <c>/api/v1</c>: the JSON every indicator by agency and township, and the workbook.</summary>
public static class FiguresApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapFiguresApi(this RouteGroupBuilder api)
    {
        api.MapGet("/figures", (HttpContext http, FiguresService figures, string? quarter, CancellationToken ct) =>
                ApiCall.ReadAsync(http, async actor =>
                {
                    var q = await figures.ParseQuarterAsync(quarter, ct);
                    return Results.Ok(FiguresDto.From(await figures.ReportAsync(actor, q, ct)));
                }))
            .Produces<FiguresDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("GetFigures")
            .WithSummary("A quarter's figures (quarter=2026Q3): every indicator for the city and by township, beside the previous quarter and the same quarter a year earlier. Aggregates only.");

        api.MapGet("/figures/{quarter}.xlsx", (HttpContext http, FiguresService figures, string quarter, CancellationToken ct) =>
                ApiCall.ReadAsync(http, async actor =>
                {
                    Rights.Require(Rights.CanExport(actor), "export the quarterly workbook");
                    var q = await figures.ParseQuarterAsync(quarter, ct);
                    var file = new MemoryStream();
                    await figures.WriteWorkbookAsync(actor, q, file, ct);
                    file.Position = 0;
                    return Results.File(file, XlsxType, QuarterlyWorkbook.FileName(q));
                }))
            .Produces(StatusCodes.Status200OK, contentType: XlsxType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("GetFiguresWorkbook")
            .WithSummary("The quarterly workbook (.xlsx) for agency leads and the administrator.");

        api.MapSignOffStep<AgencyStepRequest>(HttpMethods.Post, "submit",
                async (signOff, actor, q, body, ct) => await signOff.SubmitAsync(actor, q, body.Agency ?? actor.AgencyKey, ct))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("SubmitFigures")
            .WithSummary("An agency's lead submits its agency's part of a finished quarter (agency: the caller's unless named).");

        api.MapSignOffStep<AgencyStepRequest>(HttpMethods.Post, "withdraw",
                async (signOff, actor, q, body, ct) => await signOff.WithdrawAsync(actor, q, body.Agency ?? actor.AgencyKey, ct))
            .WithName("WithdrawFigures")
            .WithSummary("An agency's lead takes its submission back while the quarter is not locked.");

        api.MapSignOffStep<LockRequest>(HttpMethods.Post, "lock",
                async (signOff, actor, q, _, ct) => await signOff.LockAsync(actor, q, ct))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("LockFigures")
            .WithSummary("Civil affairs' lead locks a quarter once all four agencies submitted; its figures are stored and no longer change.");

        api.MapSignOffStep<UnlockRequest>(HttpMethods.Post, "unlock",
                async (signOff, actor, q, body, ct) => await signOff.UnlockAsync(actor, q, body.Reason, ct))
            .ProducesValidationProblem()
            .WithName("UnlockFigures")
            .WithSummary("The administrator unlocks a quarter with a reason (audited).");

        api.MapSignOffStep<ReportedFiguresRequest>(HttpMethods.Put, "reported",
                (signOff, actor, q, body, ct) => signOff.EnterReportedAsync(actor, q, body.Agency ?? actor.AgencyKey, body.Texts(), body.Remark, ct))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("EnterReportedFigures")
            .WithSummary("An agency's lead enters its reported figures of a quarter ({\"values\": {\"reported.volunteers\": 120}, \"remark\": \"...\"}); refused once submitted or locked.");
    }

    /// <summary>
    /// A step of a quarter's sign-off at <c>/figures/{quarter}/{step}</c>: the quarter read as the other figures
    /// endpoints read it, the body as every write reads it, the step's answer the board event's sequence (none when entering changed nothing).
    /// </summary>
    private static RouteHandlerBuilder MapSignOffStep<TBody>(this RouteGroupBuilder api, string method, string step,
        Func<FiguresSignOffService, Actor, Quarter, TBody, CancellationToken, Task<long?>> act)
        where TBody : class =>
        api.MapMethods($"/figures/{{quarter}}/{step}", [method], (HttpRequest request, FiguresService figures, FiguresSignOffService signOff, string quarter) =>
                ApiCall.WriteAsync<TBody>(request, async (actor, body) =>
                {
                    var ct = request.HttpContext.RequestAborted;
                    var q = await figures.ParseQuarterAsync(quarter, ct);
                    return Results.Ok(new { sequence = await act(signOff, actor, q, body, ct) });
                }))
            .Accepts<TBody>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

public sealed record AgencyStepRequest(string? Agency);

public sealed record LockRequest;

public sealed record UnlockRequest(string? Reason);

/// <summary>Reported figures as sent: numbers (a string that is no number is refused at its field), null to clear.</summary>
public sealed record ReportedFiguresRequest(string? Agency, Dictionary<string, System.Text.Json.JsonElement>? Values, string? Remark)
{
    public IReadOnlyDictionary<string, string?> Texts() =>
        (Values ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Number => kv.Value.GetRawText(),
            System.Text.Json.JsonValueKind.String => kv.Value.GetString(),
            System.Text.Json.JsonValueKind.Null => null,
            _ => "not a number",
        });
}

/// <summary>
/// <c>GET /api/v1/figures</c>: every indicator for the city and by township; for a locked quarter the stored
/// values, the lock's time and fingerprint, and per indicator <c>addedAfterLock</c> (records dated in the quarter
/// that arrived after the lock, never folded into <c>value</c>); each agency's submission; reported values with
/// who entered them and when.
/// </summary>
public sealed record FiguresDto(
    string Quarter, DateTimeOffset ComputedAt, bool Locked, DateTimeOffset? LockedAt, string? Fingerprint,
    IReadOnlyList<SubmissionDto> Submissions, IReadOnlyList<IndicatorFigureDto> Indicators, IReadOnlyList<RemarkDto> Remarks)
{
    public static FiguresDto From(FiguresReport r) => new(
        r.Quarter.ToString(),
        r.ComputedAt,
        r.IsLocked,
        r.SignOff.Lock?.LockedAt,
        r.SignOff.Lock?.Fingerprint ?? Core.Export.QuarterlyWorkbook.Fingerprint(r.Current),
        r.SignOff.Agencies.Select(a => new SubmissionDto(a.AgencyKey, a.SubmittedAt is not null, a.SubmittedAt)).ToList(),
        r.Indicators.Select(i =>
            {
                var entry = i.IsComputed ? null : r.SignOff.ReportedOf(i.AgencyKey, i.Key);
                return new IndicatorFigureDto(
                    i.Key, i.Name, i.NameEn, i.AgencyKey, i.Unit.English(), i.IsComputed ? "computed" : "reported", i.Additive,
                    i.IsComputed || entry?.Value is not null ? r.Current.Total(i.Key) : null,
                    i.IsComputed ? r.Previous.Total(i.Key) : null,
                    i.IsComputed ? r.YearEarlier.Total(i.Key) : null,
                    i.IsComputed && i.Additive ? r.Areas.ToDictionary(a => a.Key, a => r.Current.In(i.Key, a.Key)) : null,
                    i.IsComputed && r.IsLocked ? r.AddedAfterLock(i.Key) : null,
                    entry?.EnteredAt,
                    entry?.EnteredBy);
            })
            .ToList(),
        r.SignOff.Reported.Where(e => e.Key == ReportedFigure.RemarkKey && e.Text is not null)
            .Select(e => new RemarkDto(e.AgencyKey, e.Text!, e.EnteredAt, e.EnteredBy)).ToList());
}

public sealed record SubmissionDto(string Agency, bool Submitted, DateTimeOffset? SubmittedAt);

public sealed record RemarkDto(string Agency, string Text, DateTimeOffset EnteredAt, string EnteredBy);

public sealed record IndicatorFigureDto(
    string Key, string Name, string NameEn, string Agency, string Unit, string Source, bool Additive,
    decimal? Value, decimal? Previous, decimal? YearEarlier, IReadOnlyDictionary<string, decimal>? ByTownship,
    decimal? AddedAfterLock, DateTimeOffset? EnteredAt, string? EnteredBy);
