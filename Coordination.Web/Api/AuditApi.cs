using ClosedXML.Excel;
using Coordination.Core.Audit;
using Coordination.Web.Components.Admin;

namespace Coordination.Web.Api;

/// <summary>
/// <c>GET /api/v1/audit.xlsx</c>: the audit rows the filters match, as a workbook for an inspector (纪委监委).
/// Administrators only; the export itself is recorded in the trail with its filters.
/// </summary>
public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit.xlsx", (HttpContext http, AuditLog audit, Labels labels, BoardClock clock,
                    string? who, string? action, string? @object, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                ApiCall.ReadAsync(http, async actor =>
                {
                    var query = new AuditQuery(who, string.IsNullOrWhiteSpace(action) ? null : action.Trim(), @object, from, to);
                    var rows = await audit.ExportAsync(actor, query, ct);
                    var file = new MemoryStream();
                    AuditWorkbook.Write(rows, query, labels, clock.Now, file);
                    file.Position = 0;
                    return Results.File(file, FiguresApi.XlsxType, AuditWorkbook.FileName(clock.Now));
                }))
            .Produces(StatusCodes.Status200OK, contentType: FiguresApi.XlsxType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ExportAudit")
            .WithSummary("The audit rows matching who (account contains), action, object (id) and from/to (dates, China time) as .xlsx; administrators only, and the export is audited.");
    }
}

/// <summary>The audit export: one sheet, one row per act, the columns of the audit page plus the object's kind and id.</summary>
public static class AuditWorkbook
{
    public static string FileName(DateTimeOffset now) =>
        $"audit-{TimeZoneInfo.ConvertTime(now, BoardClock.ChinaStandardTime):yyyyMMdd-HHmm}.xlsx";

    public static void Write(IReadOnlyList<AuditRow> rows, AuditQuery query, Labels l, DateTimeOffset now, Stream output)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(l["Audit.Sheet"]);
        var filters = query.Describe();
        ws.Cell(1, 1).SetValue(l.Text("Audit.ExportNote", l.DateTime(now), filters.Length == 0 ? l["Audit.NoFilter"] : filters, rows.Count));
        string[] headers =
        [
            l["Audit.At"], l["Audit.Who"], l["Audit.AgencyColumn"], l["Audit.RoleColumn"], l["Audit.Action"], l["Audit.ReasonColumn"],
            l["Audit.ObjectKind"], l["Audit.Subject"], l["Audit.ObjectId"], l["Audit.Fields"], l["Audit.From"],
        ];
        for (var c = 0; c < headers.Length; c++)
        {
            ws.Cell(2, c + 1).SetValue(headers[c]);
        }
        ws.Row(2).Style.Font.Bold = true;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            string[] values =
            [
                TimeZoneInfo.ConvertTime(row.At, BoardClock.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                row.Account, AuditText.Agency(l, row), AuditText.Role(l, row), AuditText.Action(l, row.Action), AuditText.Reason(l, row),
                AuditText.Kind(l, row), AuditText.Object(l, row), row.SubjectId ?? "", row.ChangedFields ?? "", row.From ?? "",
            ];
            for (var c = 0; c < values.Length; c++)
            {
                // Text as text: an id or an address is never turned into a number or a date.
                ws.Cell(r + 3, c + 1).SetValue(values[c]);
            }
        }
        // Fixed widths: measuring every cell (AdjustToContents) costs too much on a large trail.
        double[] widths = [20, 28, 12, 10, 14, 12, 12, 32, 38, 28, 16];
        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = widths[c];
        }
        ws.SheetView.FreezeRows(2);
        wb.SaveAs(output);
    }
}
