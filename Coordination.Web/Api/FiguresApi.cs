using Coordination.Core;
using Coordination.Core.Access;
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
    }
}

public sealed record FiguresDto(string Quarter, DateTimeOffset ComputedAt, bool Locked, IReadOnlyList<IndicatorFigureDto> Indicators)
{
    public static FiguresDto From(FiguresReport r) => new(
        r.Quarter.ToString(),
        r.ComputedAt,
        false,
        r.Indicators.Select(i => new IndicatorFigureDto(
                i.Key, i.Name, i.NameEn, i.AgencyKey, i.Unit.English(), i.IsComputed ? "computed" : "reported", i.Additive,
                i.IsComputed ? r.Current.Total(i.Key) : null,
                i.IsComputed ? r.Previous.Total(i.Key) : null,
                i.IsComputed ? r.YearEarlier.Total(i.Key) : null,
                i.IsComputed && i.Additive ? r.Areas.ToDictionary(a => a.Key, a => r.Current.In(i.Key, a.Key)) : null))
            .ToList());
}

public sealed record IndicatorFigureDto(
    string Key, string Name, string NameEn, string Agency, string Unit, string Source, bool Additive,
    decimal? Value, decimal? Previous, decimal? YearEarlier, IReadOnlyDictionary<string, decimal>? ByTownship);
