using System.Text.Json;
using Coordination.Core;
using Coordination.Core.Import;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Api;

/// <summary>
/// Importing an agency's own register under <c>/api/v1/import</c>: the template, the dry run (JSON or the report as
/// .xlsx) and the apply. The upload is multipart (<c>file</c>, and optionally <c>sheet</c>, <c>mapping</c> as a JSON
/// object field → header, <c>agency</c>, and for apply <c>leaveOut</c> / <c>distinct</c> as row numbers "12,15").
/// Rights are the import service's (each handler calls it with the caller): a screening of each row, as the caller's agency.
/// </summary>
public static class ImportApi
{
    /// <summary>The most a request may carry: the 10 MB file and the form around it.</summary>
    public const long MaxRequestBytes = SpreadsheetReader.MaxBytes + (256 * 1024);

    // Not declared with Accepts(multipart/form-data): routing would then answer another content type with a bare
    // status; the handler answers it with a problem naming the missing file, in the caller's language.
    private const string UploadDescription = "multipart/form-data: file (.xlsx or .csv, at most 10 MB and 20,000 rows); optional sheet, "
        + "mapping (JSON object field → header, e.g. {\"name\":\"学生姓名\"}; an empty header: not in this file), agency (must be the caller's); "
        + "for apply also leaveOut and distinct (row numbers, \"12,15\").";

    public static void MapImportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/import/template", (HttpContext http, ImportService import, string? agency, CancellationToken ct) =>
                ApiCall.ReadAsync(http, async actor =>
                {
                    var file = new MemoryStream();
                    await import.WriteTemplateAsync(actor, agency, file, ct);
                    file.Position = 0;
                    return Results.File(file, FiguresApi.XlsxType, $"import-template-{actor.AgencyKey}.xlsx");
                }))
            .Produces(StatusCodes.Status200OK, contentType: FiguresApi.XlsxType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ImportTemplate")
            .WithSummary("The caller's agency's import template (.xlsx): Chinese headers, an example row, drop-downs, a sheet explaining each column.");

        api.MapPost("/import/dry-run", (HttpRequest request, ImportService import, IStringLocalizer<SharedResource> localizer) =>
                UploadAsync(request, localizer, async (actor, form, ct) => Results.Ok(ImportReportDto.From(
                    await import.DryRunAsync(actor, form.File, form.Agency, null, ct), localizer))))
            .WithDescription(UploadDescription)
            .Produces<ImportReportDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ImportDryRun")
            .WithSummary("Check every row of a register (.xlsx or .csv) and say what importing it would do; writes nothing.");

        api.MapPost("/import/report.xlsx", (HttpRequest request, ImportService import, IStringLocalizer<SharedResource> localizer) =>
                UploadAsync(request, localizer, async (actor, form, ct) =>
                {
                    var report = await import.DryRunAsync(actor, form.File, form.Agency, null, ct);
                    var file = new MemoryStream();
                    await import.WriteReportAsync(actor, report, file, ct);
                    file.Position = 0;
                    return Results.File(file, FiguresApi.XlsxType, "import-report.xlsx");
                }))
            .WithDescription(UploadDescription)
            .Produces(StatusCodes.Status200OK, contentType: FiguresApi.XlsxType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ImportReportWorkbook")
            .WithSummary("The dry run's report as a workbook with a reason column, for the clerk to fix the file.");

        api.MapPost("/import/apply", (HttpRequest request, ImportService import, IStringLocalizer<SharedResource> localizer) =>
                UploadAsync(request, localizer, async (actor, form, ct) =>
                {
                    try
                    {
                        return Results.Ok(ImportReportDto.From(await import.ApplyAsync(actor, form.File, form.Choices, form.Agency, null, ct), localizer));
                    }
                    catch (ImportNotCleanException ex)
                    {
                        return Results.Problem(
                            statusCode: StatusCodes.Status422UnprocessableEntity,
                            title: localizer[ex.Code],
                            extensions: new Dictionary<string, object?> { ["code"] = ex.Code, ["report"] = ImportReportDto.From(ex.Report, localizer) });
                    }
                }))
            .WithDescription(UploadDescription)
            .Produces<ImportReportDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ImportApply")
            .WithSummary("Import the register in one transaction: all rows not left out, or nothing. The same file twice changes nothing.");
    }

    private sealed record ImportForm(ImportFile File, string? Agency, ImportChoices Choices);

    /// <summary>The caller (401), the upload read within its limit (413), the form's fields (400), then the action with the domain's refusals as problems.</summary>
    private static async Task<IResult> UploadAsync(HttpRequest request, IStringLocalizer<SharedResource> localizer, Func<Actor, ImportForm, CancellationToken, Task<IResult>> action)
    {
        var http = request.HttpContext;
        var ct = http.RequestAborted;
        if (CallerAgency.Resolve(http) is not { } actor)
        {
            return ApiProblems.Unauthorized("Error.Caller.Unknown", localizer);
        }
        // The server's limit is for forms and JSON; a register may be up to 10 MB.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }
        if (request.ContentLength > MaxRequestBytes)
        {
            return TooLarge(localizer);
        }
        if (!request.HasFormContentType)
        {
            return ApiProblems.Field("file", "Error.Import.FileRequired", localizer);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(localizer);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return ApiProblems.Field("file", "Error.Import.FileRequired", localizer);
        }
        if (form.Files.GetFile("file") is not { } upload)
        {
            return ApiProblems.Field("file", "Error.Import.FileRequired", localizer);
        }
        if (upload.Length > SpreadsheetReader.MaxBytes)
        {
            return TooLarge(localizer);
        }
        var errors = new InputErrors();
        var mapping = Mapping(form["mapping"], errors);
        var leaveOut = Rows(form["leaveOut"], "leaveOut", errors);
        var distinct = Rows(form["distinct"], "distinct", errors);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors, localizer);
        }
        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await upload.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        var sheet = form["sheet"].ToString();
        var file = new ImportFile(content, upload.FileName, string.IsNullOrWhiteSpace(sheet) ? null : sheet, mapping);
        var agency = form["agency"].ToString();
        return await ApiCall.RunAsync(localizer, async () =>
        {
            try
            {
                return await action(actor, new ImportForm(file, string.IsNullOrWhiteSpace(agency) ? null : agency, new ImportChoices(leaveOut, distinct)), ct);
            }
            catch (ImportFileException ex)
            {
                return Results.Problem(
                    statusCode: ex.Code == "Error.Import.TooLarge" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity,
                    title: localizer[ex.Code, [.. ex.Arguments]],
                    extensions: new Dictionary<string, object?> { ["code"] = ex.Code, ["sheets"] = ex.Sheets });
            }
        });
    }

    private static IResult TooLarge(IStringLocalizer<SharedResource> localizer) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: localizer["Error.Import.TooLarge"],
            extensions: new Dictionary<string, object?> { ["code"] = "Error.Import.TooLarge" });

    private static Dictionary<string, string>? Mapping(string? json, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        catch (JsonException)
        {
            errors.Add("mapping", "Error.Import.Mapping");
            return null;
        }
    }

    /// <summary>"12, 15" → {12, 15}.</summary>
    public static HashSet<int>? Rows(string? text, string field, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var rows = new HashSet<int>();
        foreach (var part in text.Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                errors.Add(field, "Error.Import.Rows");
                return null;
            }
            rows.Add(n);
        }
        return rows;
    }
}

/// <summary>The report on the wire: the mapping, the counts and every row with its problems in the caller's language.</summary>
public sealed record ImportReportDto(
    string Sheet,
    IReadOnlyList<string> Sheets,
    int HeaderRow,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<string, string> Mapping,
    string Kind,
    bool Clean,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<int> EmptyRows,
    IReadOnlyList<ImportRowDto> Rows)
{
    public static ImportReportDto From(ImportReport report, IStringLocalizer<SharedResource> localizer) => new(
        report.Sheet, report.Sheets, report.HeaderRow, report.Headers, report.Mapping, report.Kind, report.IsClean,
        Enum.GetValues<ImportOutcome>().ToDictionary(o => o.Key(), report.Count),
        report.EmptyRows,
        report.Rows.Select(r => new ImportRowDto(
            r.Row, r.Outcome.Key(), r.Name, r.MaskedResidentId, r.BirthDate, r.Township, r.ChildId,
            r.Matches.Select(m => new ImportMatchDto(m.Id, m.Name, m.MaskedResidentId, m.BirthDate, m.TownshipKey)).ToList(),
            r.Problems.Select(p => new ImportProblemDto(p.Field, p.Column, p.Code, localizer[p.Code])).ToList())).ToList());
}

public sealed record ImportRowDto(int Row, string Outcome, string? Name, string? ResidentId, DateOnly? BirthDate, string? Township, Guid? ChildId,
    IReadOnlyList<ImportMatchDto> Matches, IReadOnlyList<ImportProblemDto> Problems);

public sealed record ImportMatchDto(Guid Id, string Name, string ResidentId, DateOnly BirthDate, string Township);

public sealed record ImportProblemDto(string Field, string? Column, string Code, string Message);
