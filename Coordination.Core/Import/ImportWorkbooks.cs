using ClosedXML.Excel;
using Coordination.Core.Children;
using Coordination.Core.Export;
using Coordination.Core.Reference;
using Coordination.Core.Screenings;

namespace Coordination.Core.Import;

/// <summary>The import's two workbooks (ClosedXML; both small): an agency's template and a dry run's report with a reason column.</summary>
internal static class ImportWorkbooks
{
    /// <summary>Rows the template's drop-downs and text format cover: the most a file may import, below the header.</summary>
    private const int TemplateRows = SpreadsheetReader.MaxRows + 1;

    /// <summary>The template's columns, in order (the school's two only matter to the school survey, but any agency may fill them).</summary>
    public static readonly IReadOnlyList<string> TemplateFields =
    [
        ImportColumns.Name, ImportColumns.Sex, ImportColumns.BirthDate, ImportColumns.ResidentId, ImportColumns.Township, ImportColumns.Village,
        ImportColumns.School, ImportColumns.Grade, ImportColumns.GuardianName, ImportColumns.GuardianRelation, ImportColumns.GuardianPhone,
        ImportColumns.ParentsWorkPlace, ImportColumns.Categories, ImportColumns.Date, ImportColumns.Risk, ImportColumns.Needs, ImportColumns.Findings,
    ];

    public static void WriteTemplate(Stream output, Agency agency, IReadOnlyList<Township> townships, IReadOnlyList<Village> villages, DateOnly today, ImportText text)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(text["Import.Template.Sheet"]);
        var explain = wb.AddWorksheet(text["Import.Template.Explain"]);
        var lists = wb.AddWorksheet(text["Import.Template.Lists"]);

        for (var c = 0; c < TemplateFields.Count; c++)
        {
            var header = ImportColumns.TemplateHeader(TemplateFields[c]);
            var cell = ws.Cell(1, c + 1);
            cell.Value = header;
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = ImportColumns.Required.Contains(TemplateFields[c]) ? XLColor.LightYellow : XLColor.LightGray;
            ws.Column(c + 1).Width = Math.Max(10, QuarterlyWorkbook.DisplayWidth(header) + 4);
        }
        ws.SheetView.FreezeRows(1);
        Column(ws, ImportColumns.ResidentId).Width = 22;
        Column(ws, ImportColumns.Findings).Width = 40;

        // The resident-ID column as text before anything is typed in it: a number would keep only 15 digits.
        var idColumn = Index(ImportColumns.ResidentId);
        ws.Range(2, idColumn, TemplateRows, idColumn).Style.NumberFormat.Format = "@";
        ws.Range(2, Index(ImportColumns.GuardianPhone), TemplateRows, Index(ImportColumns.GuardianPhone)).Style.NumberFormat.Format = "@";

        // The drop-downs' values live in a sheet of their own (a list longer than 255 characters cannot be inline).
        var listColumn = 0;
        void DropDown(string field, IReadOnlyList<string> values, bool strict)
        {
            if (values.Count == 0)
            {
                return;
            }
            listColumn++;
            lists.Cell(1, listColumn).Value = text["Import.Template.Lists"] + "：" + ImportColumns.TemplateHeader(field);
            for (var i = 0; i < values.Count; i++)
            {
                lists.Cell(i + 2, listColumn).SetValue(values[i]);
            }
            var column = Index(field);
            var validation = ws.Range(2, column, TemplateRows, column).SetDataValidation();
            validation.List(lists.Range(2, listColumn, values.Count + 1, listColumn), true);
            validation.IgnoreBlanks = true;
            // Categories and needs may be several ("留守儿童、低保家庭"): the list offers one, typing more is allowed.
            validation.ShowErrorMessage = strict;
        }
        DropDown(ImportColumns.Sex, [text["Sex.M"], text["Sex.F"]], true);
        DropDown(ImportColumns.Township, townships.Select(t => t.Name).ToList(), true);
        DropDown(ImportColumns.Village, villages.Select(v => v.Name).Distinct().Order(StringComparer.Ordinal).ToList(), false);
        DropDown(ImportColumns.GuardianRelation, EnumKeys.All<GuardianRelation>().Select(r => text["Relation." + r.Key()]).ToList(), true);
        DropDown(ImportColumns.Categories, EnumKeys.All<ChildCategory>().Select(c => text["Category." + c.Key()]).ToList(), false);
        DropDown(ImportColumns.Risk, EnumKeys.All<RiskLevel>().Select(r => text["Risk." + r.Key()]).ToList(), true);
        DropDown(ImportColumns.Needs, NeedSet.Each.Select(n => text["Need." + n.Key()]).ToList(), false);
        lists.Columns(1, Math.Max(1, listColumn)).Width = 24;

        // The example row: a made-up child whose ID checks, in grey.
        var township = townships.FirstOrDefault();
        var birth = new DateOnly(today.Year - 9, 3, 2);
        var first17 = "350583" + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "012";
        var example = new Dictionary<string, string>
        {
            [ImportColumns.Name] = "张小明",
            [ImportColumns.Sex] = text["Sex.F"],
            [ImportColumns.BirthDate] = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [ImportColumns.ResidentId] = first17 + ResidentId.CheckCharacter(first17),
            [ImportColumns.Township] = township?.Name ?? "",
            [ImportColumns.School] = "示例小学",
            [ImportColumns.Grade] = "三年级2班",
            [ImportColumns.GuardianName] = "张奶奶",
            [ImportColumns.GuardianRelation] = text["Relation.grandparent"],
            [ImportColumns.GuardianPhone] = "13800000000",
            [ImportColumns.ParentsWorkPlace] = "广东省深圳市",
            [ImportColumns.Categories] = text["Category.left-behind"],
            [ImportColumns.Date] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [ImportColumns.Risk] = text["Risk.low"],
            [ImportColumns.Needs] = text["Need.schooling"],
            [ImportColumns.Findings] = "示例：父母在外务工，由奶奶照看。",
        };
        foreach (var (field, value) in example)
        {
            var cell = ws.Cell(2, Index(field));
            cell.SetValue(value);
            cell.Style.Font.FontColor = XLColor.Gray;
            cell.Style.Font.Italic = true;
        }

        explain.Cell(1, 1).Value = text.Format("Import.Template.Title", agency.Name);
        explain.Cell(1, 1).Style.Font.Bold = true;
        explain.Cell(3, 1).Value = text["Import.Template.Column"];
        explain.Cell(3, 2).Value = text["Import.Template.Required"];
        explain.Cell(3, 3).Value = text["Import.Template.How"];
        explain.Range(3, 1, 3, 3).Style.Font.Bold = true;
        for (var i = 0; i < TemplateFields.Count; i++)
        {
            var field = TemplateFields[i];
            explain.Cell(i + 4, 1).Value = ImportColumns.TemplateHeader(field);
            explain.Cell(i + 4, 2).Value = ImportColumns.Required.Contains(field) ? text["Import.Template.Yes"] : "";
            explain.Cell(i + 4, 3).Value = text["Import.Field." + field];
        }
        explain.Column(1).Width = 18;
        explain.Column(2).Width = 8;
        explain.Column(3).Width = 90;
        explain.Column(3).Style.Alignment.WrapText = true;
        ws.SetTabActive();
        wb.SaveAs(output);
    }

    public static void WriteReport(Stream output, ImportReport report, IReadOnlyDictionary<string, string> townshipNames, ImportText text)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(text["Import.Report.Sheet"]);
        string[] heads =
        [
            text["Import.Report.Row"], text["Import.Report.Outcome"], text["Import.Report.Name"], text["Import.Report.ResidentId"],
            text["Import.Report.BirthDate"], text["Import.Report.Township"], text["Import.Report.Column"], text["Import.Report.Reason"], text["Import.Report.Matches"],
        ];
        for (var c = 0; c < heads.Length; c++)
        {
            ws.Cell(1, c + 1).Value = heads[c];
            ws.Cell(1, c + 1).Style.Font.Bold = true;
        }
        var lines = report.Rows.Select(r => (r.Row, Result: (ImportRowResult?)r)).Concat(report.EmptyRows.Select(n => (Row: n, Result: (ImportRowResult?)null))).OrderBy(x => x.Row);
        var at = 2;
        foreach (var (number, r) in lines)
        {
            ws.Cell(at, 1).SetValue(number);
            if (r is null)
            {
                ws.Cell(at, 2).SetValue(text["Import.Report.EmptyRow"]);
                at++;
                continue;
            }
            ws.Cell(at, 2).SetValue(text["Import.Outcome." + r.Outcome.Key()]);
            ws.Cell(at, 3).SetValue(r.Name ?? "");
            ws.Cell(at, 4).SetValue(r.MaskedResidentId ?? "");
            ws.Cell(at, 5).SetValue(r.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");
            ws.Cell(at, 6).SetValue(r.Township is null ? "" : townshipNames.GetValueOrDefault(r.Township, r.Township));
            ws.Cell(at, 7).SetValue(string.Join("、", r.Problems.Select(p => p.Column ?? p.Field).Distinct()));
            ws.Cell(at, 8).SetValue(string.Join("；", r.Problems.Select(p => (p.Column is null ? "" : "【" + p.Column + "】") + text[p.Code])));
            ws.Cell(at, 9).SetValue(string.Join("；", r.Matches.Select(m => $"{m.Name} {m.MaskedResidentId} {m.BirthDate:yyyy-MM-dd} {townshipNames.GetValueOrDefault(m.TownshipKey, m.TownshipKey)}")));
            if (r.Outcome is ImportOutcome.Refused or ImportOutcome.NearDuplicate)
            {
                ws.Row(at).Style.Fill.BackgroundColor = r.Outcome == ImportOutcome.Refused ? XLColor.FromHtml("#FDE2E1") : XLColor.FromHtml("#FFF4CE");
            }
            at++;
        }
        int[] widths = [8, 18, 12, 22, 12, 14, 16, 80, 50];
        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = widths[c];
        }
        ws.Column(8).Style.Alignment.WrapText = true;
        ws.SheetView.FreezeRows(1);
        wb.SaveAs(output);
    }

    private static int Index(string field) => TemplateFields.ToList().IndexOf(field) + 1;

    private static IXLColumn Column(IXLWorksheet ws, string field) => ws.Column(Index(field));
}
