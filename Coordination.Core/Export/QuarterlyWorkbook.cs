using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClosedXML.Excel;

namespace Coordination.Core.Export;

/// <summary>
/// 季度数据工作簿 — the quarterly workbook sent to the city government, the People's Congress and the Minor
/// Protection Committee, written from one <see cref="FiguresReport"/> so that every cell is the number the board
/// and /figures show. Sheets: 封面, 汇总, 分乡镇, one per agency, 指标说明, 数据.
/// </summary>
public static class QuarterlyWorkbook
{
    public const string Issuer = "南安市未成年人保护工作领导小组办公室";
    public const string Cover = "封面";
    public const string Summary = "汇总";
    public const string ByArea = "分乡镇";
    public const string Definitions = "指标说明";
    public const string Data = "数据";
    private const int HeaderRows = 6;

    public static string FileName(Quarter quarter) => $"南安市困境留守儿童关爱工作季度数据-{quarter}.xlsx";

    /// <summary>
    /// A short fingerprint of the figures (SHA-256 of every indicator's city value in catalogue order, first 12 hex
    /// digits). Values are written without trailing zeros so that a value read back from storage prints the same.
    /// </summary>
    public static string Fingerprint(FigureTable table)
    {
        var text = new StringBuilder();
        foreach (var i in IndicatorCatalogue.All)
        {
            text.Append(i.Key).Append('=').Append(table.Total(i.Key).ToString("0.############################", CultureInfo.InvariantCulture)).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }

    public const string Referrals = "转介明细";

    public static void Write(FiguresReport report, IReadOnlyList<QuarterReferralLine> referrals, string generatedBy, Stream output)
    {
        using var wb = new XLWorkbook();
        WriteCover(wb.AddWorksheet(Cover), report, generatedBy);
        WriteSummary(wb.AddWorksheet(Summary), report, IndicatorCatalogue.All, "表1", "南安市困境留守儿童关爱工作季度数据汇总表");
        WriteByArea(wb.AddWorksheet(ByArea), report);
        var n = 3;
        foreach (var agency in report.Agencies)
        {
            WriteSummary(wb.AddWorksheet(agency.Name), report, IndicatorCatalogue.OfAgency(agency.Key).ToList(), $"表{n++}", agency.Name + "季度数据表");
        }
        WriteReferrals(wb.AddWorksheet(Referrals), report, referrals, $"表{n++}");
        WriteDefinitions(wb.AddWorksheet(Definitions), report, $"表{n}");
        WriteData(wb.AddWorksheet(Data), report);
        // Saved with the formulas' values, so that readers which do not calculate still show the totals.
        wb.SaveAs(output, new SaveOptions { EvaluateFormulasBeforeSaving = true });
    }

    private static void WriteCover(IXLWorksheet ws, FiguresReport report, string generatedBy)
    {
        ws.Cell(1, 1).Value = "南安市困境留守儿童关爱工作季度数据";
        ws.Cell(1, 1).Style.Font.SetBold(true).Font.SetFontSize(18);
        var rows = new (string Label, string Value)[]
        {
            ("统计时段", $"{report.Quarter.Year}年第{report.Quarter.Number}季度（{report.Quarter.FirstDay:yyyy-MM-dd} 至 {report.Quarter.LastDay:yyyy-MM-dd}）"),
            ("制表机关", Issuer),
            ("生成时间", TimeZoneInfo.ConvertTime(report.ComputedAt, BoardClock.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            ("生成人", generatedBy),
            ("锁定状态", LockState(report)),
            ("锁定时间", report.SignOff.Lock is { } l ? Time(l.LockedAt) : "—"),
            ("数据指纹", report.SignOff.Lock?.Fingerprint ?? Fingerprint(report.Current) + "（未锁定，数据变化后指纹随之变化）"),
        };
        var agencyNames = report.Agencies.ToDictionary(a => a.Key, a => a.Name);
        var list = rows.ToList();
        foreach (var a in report.SignOff.Agencies)
        {
            list.Add((agencyNames.GetValueOrDefault(a.AgencyKey, a.AgencyKey), a.SubmittedAt is { } at ? $"已提交（{Time(at)}，{a.SubmittedBy}）" : "未提交"));
        }
        var added = report.AfterLock is { } after
            ? IndicatorCatalogue.Computed.Where(i => after.Total(i.Key) != 0).Select(i => $"{i.Name} {Signed(i, after.Total(i.Key))}").ToList()
            : [];
        if (report.IsLocked)
        {
            list.Add(("锁定后新增", added.Count == 0 ? "无" : string.Join("；", added)));
        }
        for (var r = 0; r < list.Count; r++)
        {
            ws.Cell(3 + r, 1).Value = list[r].Label;
            ws.Cell(3 + r, 1).Style.Font.SetBold(true);
            ws.Cell(3 + r, 2).Value = list[r].Value;
            ws.Cell(3 + r, 2).Style.Alignment.SetWrapText(true);
        }
        ws.Cell(3 + list.Count + 1, 1).Value = "数据指纹为本季度全部指标值的摘要，可与看板 /figures 页所示指纹核对纸质件。锁定后新增的记录不计入锁定数，单独列示。";
        ws.Column(1).Width = 14;
        ws.Column(2).Width = 70;
        Print(ws, landscape: false);
    }

    private static string LockState(FiguresReport report) =>
        report.IsLocked ? "已锁定（本季度数据不再变化）"
        : report.SignOff.AllSubmitted ? "四部门均已提交，待民政局锁定"
        : $"未锁定（已提交 {report.SignOff.SubmittedCount}/{report.SignOff.Agencies.Count} 个部门，数据仍可能变化）";

    private static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, BoardClock.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"+2", "+1,000.50": a difference after the lock as the page and the cover say it.</summary>
    public static string Signed(Indicator i, decimal value) =>
        (value > 0 ? "+" : "") + value.ToString(i.Unit switch
        {
            IndicatorUnit.Yuan => "#,##0.00",
            IndicatorUnit.Percent or IndicatorUnit.Hours => "0.0",
            _ => "#,##0",
        }, CultureInfo.InvariantCulture);

    private static void HeaderBlock(IXLWorksheet ws, string title, string number, FiguresReport report, string unit, int columns)
    {
        ws.Cell(1, 1).Value = title;
        ws.Range(1, 1, 1, columns).Merge().Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Font.SetBold(true).Font.SetFontSize(14);
        ws.Cell(2, 1).Value = "表号：" + number;
        ws.Cell(3, 1).Value = "制表机关：" + Issuer;
        ws.Cell(4, 1).Value = $"统计时段：{report.Quarter.FirstDay:yyyy-MM-dd} 至 {report.Quarter.LastDay:yyyy-MM-dd}";
        ws.Cell(5, 1).Value = "计量单位：" + unit;
    }

    private static void Footer(IXLWorksheet ws, int row)
    {
        ws.Cell(row, 1).Value = "单位负责人：";
        ws.Cell(row, 3).Value = "统计负责人：";
        ws.Cell(row, 5).Value = "填表人：";
        ws.Cell(row + 1, 1).Value = "联系电话：";
        ws.Cell(row + 1, 3).Value = "报出日期：";
    }

    private static void WriteSummary(IXLWorksheet ws, FiguresReport report, IReadOnlyList<Indicator> indicators, string number, string title)
    {
        HeaderBlock(ws, title, number, report, "见各行", 9);
        string[] heads = ["指标", "键", "部门", "计量单位", "本季度", "上季度", "上年同期", "环比变化(%)", "锁定后新增"];
        HeadRow(ws, heads);
        var agencyNames = report.Agencies.ToDictionary(a => a.Key, a => a.Name);
        var row = HeaderRows + 1;
        foreach (var i in indicators)
        {
            ws.Cell(row, 1).Value = i.Name;
            ws.Cell(row, 2).Value = i.Key;
            ws.Cell(row, 3).Value = agencyNames.GetValueOrDefault(i.AgencyKey, i.AgencyKey);
            ws.Cell(row, 4).Value = i.Unit.Chinese();
            if (i.IsComputed)
            {
                SetNumber(ws.Cell(row, 5), i, report.Current.Total(i.Key));
                SetNumber(ws.Cell(row, 6), i, report.Previous.Total(i.Key));
                SetNumber(ws.Cell(row, 7), i, report.YearEarlier.Total(i.Key));
                if (FiguresReport.ChangePercent(report.Current.Total(i.Key), report.Previous.Total(i.Key)) is { } change)
                {
                    ws.Cell(row, 8).Value = change;
                    ws.Cell(row, 8).Style.NumberFormat.Format = "0.0";
                }
                if (report.IsLocked)
                {
                    // A record dated in the quarter that arrived after the lock: shown here, never inside 本季度.
                    SetNumber(ws.Cell(row, 9), i, report.AddedAfterLock(i.Key));
                    ws.Cell(row, 9).Style.NumberFormat.Format = "+" + Format(i.Unit) + ";-" + Format(i.Unit) + ";0";
                }
            }
            else if (report.SignOff.ReportedOf(i.AgencyKey, i.Key)?.Value is not null)
            {
                SetNumber(ws.Cell(row, 5), i, report.Current.Total(i.Key));
            }
            else
            {
                ws.Cell(row, 5).Value = "待填报";
            }
            row++;
        }
        Footer(ws, row + 1);
        Widths(ws, heads, indicators.Select(i => i.Name).Append(title));
        // The summary is signed as one sheet: printed, its last rows and the signature lines spilled onto a second page.
        Print(ws, landscape: true, pagesTall: 1);
    }

    private static void WriteByArea(IXLWorksheet ws, FiguresReport report)
    {
        var indicators = IndicatorCatalogue.Computed.Where(i => i.Additive).ToList();
        HeaderBlock(ws, "南安市困境留守儿童关爱工作季度数据分乡镇表", "表2", report, "见各列表头", Math.Min(indicators.Count + 1, 12));
        var heads = new List<string> { "乡镇（街道）" };
        heads.AddRange(indicators.Select(i => $"{i.Name}（{i.Unit.Chinese()}）"));
        HeadRow(ws, heads);
        var row = HeaderRows + 1;
        foreach (var area in report.Areas)
        {
            ws.Cell(row, 1).Value = area.Name;
            for (var c = 0; c < indicators.Count; c++)
            {
                SetNumber(ws.Cell(row, c + 2), indicators[c], report.Current.In(indicators[c].Key, area.Key));
            }
            row++;
        }
        ws.Cell(row, 1).Value = "合计";
        ws.Row(row).Style.Font.SetBold(true);
        for (var c = 0; c < indicators.Count; c++)
        {
            var cell = ws.Cell(row, c + 2);
            var column = cell.Address.ColumnLetter;
            cell.FormulaA1 = $"SUM({column}{HeaderRows + 1}:{column}{row - 1})";
            cell.Style.NumberFormat.Format = Format(indicators[c].Unit);
        }
        Footer(ws, row + 2);
        ws.Column(1).Width = 16;
        for (var c = 0; c < indicators.Count; c++)
        {
            ws.Column(c + 2).Width = 14;
        }
        ws.Row(HeaderRows).Style.Alignment.SetWrapText(true);
        ws.Row(HeaderRows).Height = 48;
        ws.SheetView.FreezeColumns(1);
        // Printed, all the columns on one A4 were too small to read: about 12 a page, the areas repeated at the left
        // of every page and the whole table one page tall (checked as printed by LibreOffice).
        Print(ws, landscape: true, pagesWide: (indicators.Count + 11) / 12, pagesTall: 1);
        ws.PageSetup.SetColumnsToRepeatAtLeft(1, 1);
    }

    private static readonly Dictionary<string, string> StatusNames = new(StringComparer.Ordinal)
    {
        ["pending"] = "待接收", ["accepted"] = "办理中", ["declined"] = "已退回", ["completed"] = "已办结", ["withdrawn"] = "已撤回",
    };

    private static readonly Dictionary<string, string> UrgencyNames = new(StringComparer.Ordinal)
    {
        ["urgent"] = "紧急", ["high"] = "较急", ["normal"] = "一般",
    };

    private static readonly Dictionary<string, string> NeedNames = new(StringComparer.Ordinal)
    {
        ["psychological"] = "心理", ["medical"] = "医疗", ["schooling"] = "就学", ["living"] = "生活", ["safety"] = "安全", ["guardianship"] = "监护",
    };

    private static void WriteReferrals(IXLWorksheet ws, FiguresReport report, IReadOnlyList<QuarterReferralLine> referrals, string number)
    {
        HeaderBlock(ws, "本季度转介明细（儿童姓名已脱敏）", number, report, "件", 10);
        string[] heads = ["序号", "发出时间", "儿童", "乡镇（街道）", "发出部门", "接收部门", "需求", "紧急程度", "状态", "是否按期办结"];
        HeadRow(ws, heads);
        var agencyNames = report.Agencies.ToDictionary(a => a.Key, a => a.Name);
        var areaNames = report.Areas.ToDictionary(a => a.Key, a => a.Name);
        var row = HeaderRows + 1;
        var i = 1;
        foreach (var r in referrals)
        {
            ws.Cell(row, 1).Value = i++;
            ws.Cell(row, 2).Value = TimeZoneInfo.ConvertTime(r.CreatedAt, BoardClock.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            ws.Cell(row, 3).Value = r.MaskedChildName;
            ws.Cell(row, 4).Value = areaNames.GetValueOrDefault(r.TownshipKey, r.TownshipKey);
            ws.Cell(row, 5).Value = agencyNames.GetValueOrDefault(r.FromAgencyKey, r.FromAgencyKey);
            ws.Cell(row, 6).Value = agencyNames.GetValueOrDefault(r.ToAgencyKey, r.ToAgencyKey);
            ws.Cell(row, 7).Value = string.Join("、", EnumKeys.All<Screenings.Need>().Where(n => n != 0 && r.Need.HasFlag(n)).Select(n => NeedNames.GetValueOrDefault(n.Key(), n.Key())));
            ws.Cell(row, 8).Value = UrgencyNames.GetValueOrDefault(r.Urgency.Key(), r.Urgency.Key());
            ws.Cell(row, 9).Value = StatusNames.GetValueOrDefault(r.Status.Key(), r.Status.Key());
            ws.Cell(row, 10).Value = r.CompletedOnTime switch { true => "是", false => "否", _ => "" };
            row++;
        }
        Footer(ws, row + 1);
        int[] widths = [7, 18, 10, 16, 16, 16, 16, 10, 10, 14];
        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = widths[c];
        }
        Print(ws, landscape: true);
    }

    private static void WriteDefinitions(IXLWorksheet ws, FiguresReport report, string number)
    {
        HeaderBlock(ws, "指标说明", number, report, "—", 6);
        string[] heads = ["键", "指标", "部门", "计量单位", "来源", "定义"];
        HeadRow(ws, heads);
        var agencyNames = report.Agencies.ToDictionary(a => a.Key, a => a.Name);
        var row = HeaderRows + 1;
        foreach (var i in IndicatorCatalogue.All)
        {
            ws.Cell(row, 1).Value = i.Key;
            ws.Cell(row, 2).Value = i.Name;
            ws.Cell(row, 3).Value = agencyNames.GetValueOrDefault(i.AgencyKey, i.AgencyKey);
            ws.Cell(row, 4).Value = i.Unit.Chinese();
            ws.Cell(row, 5).Value = i.IsComputed ? "由看板记录计算"
                : report.SignOff.ReportedOf(i.AgencyKey, i.Key) is { } entry ? $"部门负责人填报：{entry.EnteredBy}，{Time(entry.EnteredAt)}"
                : "部门负责人填报（未填报）";
            ws.Cell(row, 6).Value = i.Definition;
            ws.Cell(row, 6).Style.Alignment.SetWrapText(true);
            row++;
        }
        foreach (var remark in report.SignOff.Reported.Where(e => e.Key == ReportedFigure.RemarkKey && e.Text is not null))
        {
            ws.Cell(row, 1).Value = ReportedFigure.RemarkKey;
            ws.Cell(row, 2).Value = "填报说明";
            ws.Cell(row, 3).Value = agencyNames.GetValueOrDefault(remark.AgencyKey, remark.AgencyKey);
            ws.Cell(row, 4).Value = "—";
            ws.Cell(row, 5).Value = $"部门负责人填报：{remark.EnteredBy}，{Time(remark.EnteredAt)}";
            ws.Cell(row, 6).Value = remark.Text;
            ws.Cell(row, 6).Style.Alignment.SetWrapText(true);
            row++;
        }
        Footer(ws, row + 1);
        ws.Column(1).Width = 30;
        ws.Column(2).Width = 30;
        ws.Column(3).Width = 12;
        ws.Column(4).Width = 9;
        ws.Column(5).Width = 36;
        ws.Column(5).Style.Alignment.SetWrapText(true);
        ws.Column(6).Width = 80;
        Print(ws, landscape: true);
    }

    private static void WriteData(IXLWorksheet ws, FiguresReport report)
    {
        string[] heads = ["季度", "乡镇键", "乡镇", "部门键", "部门", "指标键", "指标", "计量单位", "值"];
        for (var c = 0; c < heads.Length; c++)
        {
            ws.Cell(1, c + 1).Value = heads[c];
        }
        ws.Row(1).Style.Font.SetBold(true);
        var agencyNames = report.Agencies.ToDictionary(a => a.Key, a => a.Name);
        var row = 2;
        var quarter = report.Quarter.ToString();
        foreach (var i in IndicatorCatalogue.Computed)
        {
            if (i.Additive)
            {
                foreach (var area in report.Areas)
                {
                    DataRow(ws, row++, quarter, area.Key, area.Name, i, agencyNames, report.Current.In(i.Key, area.Key));
                }
            }
            else
            {
                DataRow(ws, row++, quarter, "", "全市", i, agencyNames, report.Current.Total(i.Key));
            }
        }
        int[] widths = [9, 20, 16, 20, 12, 34, 34, 9, 16];
        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = widths[c];
        }
        ws.SheetView.FreezeRows(1);
        ws.Range(1, 1, row - 1, heads.Length).SetAutoFilter();
        Print(ws, landscape: true);
        ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
    }

    private static void DataRow(IXLWorksheet ws, int row, string quarter, string areaKey, string areaName, Indicator i, Dictionary<string, string> agencyNames, decimal value)
    {
        ws.Cell(row, 1).Value = quarter;
        ws.Cell(row, 2).Value = areaKey;
        ws.Cell(row, 3).Value = areaName;
        ws.Cell(row, 4).Value = i.AgencyKey;
        ws.Cell(row, 5).Value = agencyNames.GetValueOrDefault(i.AgencyKey, i.AgencyKey);
        ws.Cell(row, 6).Value = i.Key;
        ws.Cell(row, 7).Value = i.Name;
        ws.Cell(row, 8).Value = i.Unit.Chinese();
        SetNumber(ws.Cell(row, 9), i, value);
    }

    private static void HeadRow(IXLWorksheet ws, IReadOnlyList<string> heads)
    {
        for (var c = 0; c < heads.Count; c++)
        {
            var cell = ws.Cell(HeaderRows, c + 1);
            cell.Value = heads[c];
            cell.Style.Font.SetBold(true).Fill.SetBackgroundColor(XLColor.FromHtml("#DDEBF7"))
                .Border.SetOutsideBorder(XLBorderStyleValues.Thin).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        }
        ws.SheetView.FreezeRows(HeaderRows);
        ws.PageSetup.SetRowsToRepeatAtTop(1, HeaderRows);
    }

    private static void SetNumber(IXLCell cell, Indicator i, decimal value)
    {
        cell.Value = value;
        cell.Style.NumberFormat.Format = Format(i.Unit);
    }

    private static string Format(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Yuan => "#,##0.00",
        IndicatorUnit.Percent or IndicatorUnit.Hours => "0.0",
        _ => "#,##0",
    };

    /// <summary>Widths by the longest text in a column, a CJK character counting as two (AdjustToContents needs libgdiplus).</summary>
    private static void Widths(IXLWorksheet ws, IReadOnlyList<string> heads, IEnumerable<string> firstColumn)
    {
        ws.Column(1).Width = Math.Clamp(firstColumn.Max(DisplayWidth) + 2, 12, 48);
        for (var c = 1; c < heads.Count; c++)
        {
            ws.Column(c + 1).Width = Math.Max(12, DisplayWidth(heads[c]) + 2);
        }
        ws.Column(2).Width = 30;
    }

    public static int DisplayWidth(string text) => text.Sum(ch => ch >= 0x2E80 ? 2 : 1);

    /// <summary>A4, scaled to <paramref name="pagesWide"/> pages across and <paramref name="pagesTall"/> down (0: as many as it takes).</summary>
    private static void Print(IXLWorksheet ws, bool landscape, int pagesWide = 1, int pagesTall = 0)
    {
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = landscape ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        ws.PageSetup.FitToPages(pagesWide, pagesTall);
        ws.PageSetup.CenterHorizontally = true;
        ws.PageSetup.Footer.Center.AddText("第 &P 页 共 &N 页");
    }
}
