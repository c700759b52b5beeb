using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Children;
using Coordination.Core.Data;
using Coordination.Core.Import;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Import;

/// <summary>
/// Issue 12, acceptance 3: each classic spreadsheet trap gets its own clear message in Chinese, and neither the dry run
/// nor the apply writes anything; the traps that are only the clerk's habits (a lowercase x, spaces, dates as text,
/// empty rows, CSV in GB18030) are read as meant.
/// </summary>
public sealed class ImportTrapsTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Actor Education = new("education", "王老师", Role.Liaison, From: "tests");

    private ImportService Import => _app.Services.GetRequiredService<ImportService>();

    private static readonly string[] Headers = ["姓名", "性别", "出生日期", "身份证号", "乡镇", "学校", "儿童类别", "摸排日期", "风险等级"];

    private static int _serial = 5000;

    /// <summary>A valid row (each call another child) with its resident ID.</summary>
    private static (object?[] Cells, string Id) Row(object? birthCell = null, object? idCell = null)
    {
        var serial = Interlocked.Increment(ref _serial);
        var birth = new DateOnly(2014, 1, 1).AddDays(serial % 1500);
        var id = TestResidentIds.For(birth, Sex.F, serial);
        return ([ "童" + serial, "女", birthCell ?? birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), idCell ?? id, "诗山镇", "诗山中心小学", "留守儿童", "2026-09-15", "低" ], id);
    }

    /// <summary>The dry run and the apply both refuse the file with <paramref name="code"/>; nothing is written.</summary>
    private async Task<ImportFileException> FileRefusedAsync(byte[] content, string name, string code, string? sheet = null)
    {
        var before = await _app.CountRowsAsync();
        var dry = await Assert.ThrowsAsync<ImportFileException>(() => Import.DryRunAsync(Education, new ImportFile(content, name, sheet), ct: Ct));
        var apply = await Assert.ThrowsAsync<ImportFileException>(() => Import.ApplyAsync(Education, new ImportFile(content, name, sheet), ImportChoices.None, ct: Ct));
        Assert.Equal(code, dry.Code);
        Assert.Equal(code, apply.Code);
        Assert.Equal(before, await _app.CountRowsAsync());
        return dry;
    }

    /// <summary>The dry run refuses the one row with <paramref name="code"/> in <paramref name="column"/>; the apply writes nothing.</summary>
    private async Task<ImportRowResult> RowRefusedAsync(byte[] content, string name, string column, string code)
    {
        var before = await _app.CountRowsAsync();
        var report = await Import.DryRunAsync(Education, new ImportFile(content, name), ct: Ct);
        var row = Assert.Single(report.Rows, r => r.Outcome == ImportOutcome.Refused);
        var problem = Assert.Single(row.Problems);
        Assert.Equal(column, problem.Column);
        Assert.Equal(code, problem.Code);
        await Assert.ThrowsAsync<ImportNotCleanException>(() => Import.ApplyAsync(Education, new ImportFile(content, name), ImportChoices.None, ct: Ct));
        Assert.Equal(before, await _app.CountRowsAsync());
        return row;
    }

    [Fact]
    public async Task A_resident_id_stored_as_a_number_is_refused_saying_the_digits_are_lost_and_how_to_fix_the_column()
    {
        var (good, _) = Row();
        var (bad, id) = Row();
        bad[3] = double.Parse(id[..15], CultureInfo.InvariantCulture) * 1000; // what Excel keeps of an 18-digit number
        await RowRefusedAsync(ImportFiles.Xlsx(Headers, [good, bad]), "f.xlsx", "身份证号", "Error.Import.ResidentIdAsNumber");

        var message = _app.Chinese("Error.Import.ResidentIdAsNumber");
        Assert.Contains("3.50583E+17", message, StringComparison.Ordinal);
        Assert.Contains("文本", message, StringComparison.Ordinal);

        // In a CSV saved from such a sheet the number comes as Excel showed it.
        var (csvGood, _) = Row();
        var (csvBad, _) = Row(idCell: "3.50583E+17");
        await RowRefusedAsync(ImportFiles.Csv(Headers, [csvGood, csvBad], new UTF8Encoding(false)), "f.csv", "身份证号", "Error.Import.ResidentIdAsNumber");
    }

    [Fact]
    public async Task A_lowercase_x_and_spaces_in_a_resident_id_are_normalised()
    {
        var birth = new DateOnly(2014, 5, 6);
        var withX = TestResidentIds.EndingInX(birth, Sex.F);
        var spaced = TestResidentIds.For(birth, Sex.F, 777);
        object?[] a = ["小艾", "女", "2014-05-06", withX.ToLowerInvariant(), "诗山镇", "诗山中心小学", "留守儿童", "2026-09-15", "低"];
        object?[] b = ["小贝", "女", "2014-05-06", " " + spaced[..6] + " " + spaced[6..14] + "　" + spaced[14..] + " ", "诗山镇", "诗山中心小学", "留守儿童", "2026-09-15", "低"];

        var report = await Import.ApplyAsync(Education, new ImportFile(ImportFiles.Xlsx(Headers, [a, b]), "f.xlsx"), ImportChoices.None, ct: Ct);

        Assert.All(report.Rows, r => Assert.Equal(ImportOutcome.New, r.Outcome));
        await using var db = _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>().CreateDbContext();
        Assert.True(await db.Children.AnyAsync(c => c.ResidentId == withX && c.Name == "小艾", Ct));
        Assert.True(await db.Children.AnyAsync(c => c.ResidentId == spaced && c.Name == "小贝", Ct));
    }

    [Fact]
    public async Task Dates_in_the_usual_Chinese_forms_and_as_excel_serials_are_read_and_a_date_that_is_none_is_refused()
    {
        var rows = new List<(object?[] Cells, DateOnly Birth)>();
        foreach (var form in new Func<DateOnly, object>[]
                 {
                     d => $"{d.Year}年{d.Month}月{d.Day}日", d => $"{d.Year}.{d.Month}.{d.Day}", d => $"{d.Year}/{d.Month}/{d.Day}",
                     d => d.ToDateTime(TimeOnly.MinValue).ToOADate(), d => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                 })
        {
            var (cells, id) = Row();
            var birth = ResidentId.BirthDate(id)!.Value;
            cells[2] = form(birth);
            rows.Add((cells, birth));
        }
        var report = await Import.DryRunAsync(Education, new ImportFile(ImportFiles.Xlsx(Headers, rows.Select(r => r.Cells)), "f.xlsx"), ct: Ct);
        Assert.Equal(rows.Select(r => (DateOnly?)r.Birth), report.Rows.Select(r => r.BirthDate));
        Assert.All(report.Rows, r => Assert.Equal(ImportOutcome.New, r.Outcome));

        var (good, _) = Row();
        var (bad, _) = Row(birthCell: "2015年2月30日");
        await RowRefusedAsync(ImportFiles.Xlsx(Headers, [good, bad]), "f.xlsx", "出生日期", "Error.Import.Date");
        Assert.Contains("2015年3月2日", _app.Chinese("Error.Import.Date"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merged_header_cells_are_refused_naming_the_range()
    {
        var (cells, _) = Row();
        var content = ImportFiles.Xlsx(Headers, [cells], more: (_, ws) => ws.Range("E1:F1").Merge());

        var refused = await FileRefusedAsync(content, "f.xlsx", "Error.Import.MergedHeader");

        Assert.Equal(["E1:F1"], refused.Arguments);
        Assert.Contains("合并单元格", _app.Chinese("Error.Import.MergedHeader"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_several_register_sheets_asks_which_and_imports_the_one_named()
    {
        var (first, _) = Row();
        var (second, _) = Row();
        var content = ImportFiles.Xlsx(Headers, [first], sheet: "一年级", more: (wb, _) =>
        {
            var ws = wb.AddWorksheet("二年级");
            for (var c = 0; c < Headers.Length; c++)
            {
                ws.Cell(1, c + 1).SetValue(Headers[c]);
                ws.Cell(2, c + 1).SetValue(second[c]?.ToString() ?? "");
            }
        });

        var refused = await FileRefusedAsync(content, "f.xlsx", "Error.Import.SheetRequired");
        Assert.Equal(["一年级", "二年级"], refused.Sheets);
        Assert.Contains("一年级、二年级", _app.Chinese("Error.Import.SheetRequired").Replace("{0}", string.Join("、", refused.Arguments), StringComparison.Ordinal), StringComparison.Ordinal);
        await FileRefusedAsync(content, "f.xlsx", "Error.Import.SheetUnknown", sheet: "三年级");

        var report = await Import.DryRunAsync(Education, new ImportFile(content, "f.xlsx", "二年级"), ct: Ct);
        Assert.Equal("二年级", report.Sheet);
        Assert.Equal((string)second[0]!, Assert.Single(report.Rows).Name);
    }

    [Fact]
    public async Task Empty_rows_in_the_middle_are_skipped_and_said_so()
    {
        var (a, _) = Row();
        var (b, _) = Row();
        var report = await Import.DryRunAsync(Education, new ImportFile(ImportFiles.Xlsx(Headers, [a, [], [], b]), "f.xlsx"), ct: Ct);

        Assert.Equal([3, 4], report.EmptyRows);
        Assert.Equal([2, 5], report.Rows.Select(r => r.Row));
        Assert.All(report.Rows, r => Assert.Equal(ImportOutcome.New, r.Outcome));
    }

    [Fact]
    public async Task A_formula_in_a_column_read_is_refused_asking_for_values()
    {
        var (good, _) = Row();
        var (bad, _) = Row();
        bad[0] = "=CONCATENATE(\"王\",\"小明\")";
        await RowRefusedAsync(ImportFiles.Xlsx(Headers, [good, bad]), "f.xlsx", "姓名", "Error.Import.Formula");
        Assert.Contains("选择性粘贴", _app.Chinese("Error.Import.Formula"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_protected_file_is_refused_saying_to_remove_the_password()
    {
        await FileRefusedAsync(CompoundFiles.PasswordProtectedXlsx(), "f.xlsx", "Error.Import.Encrypted");
        Assert.Contains("密码", _app.Chinese("Error.Import.Encrypted"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xls_file_is_refused_saying_to_save_it_as_xlsx()
    {
        await FileRefusedAsync(CompoundFiles.Xls(), "f.xls", "Error.Import.Xls");
        await FileRefusedAsync([1, 2, 3, 4, 5, 6, 7, 8, 9], "f.xls", "Error.Import.Xls");
        Assert.Contains(".xlsx", _app.Chinese("Error.Import.Xls"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    public async Task A_csv_file_in_utf8_or_gb18030_is_read(string encodingName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = encodingName == "utf-8" ? new UTF8Encoding(false) : Encoding.GetEncoding(encodingName);
        var (a, _) = Row();
        var (b, _) = Row();

        var report = await Import.DryRunAsync(Education, new ImportFile(ImportFiles.Csv(Headers, [a, b], encoding), "名单.csv"), ct: Ct);

        Assert.Equal([(string)a[0]!, (string)b[0]!], report.Rows.Select(r => r.Name));
        Assert.All(report.Rows, r => Assert.Equal("shishan-zhen", r.Township));
        Assert.All(report.Rows, r => Assert.Equal(ImportOutcome.New, r.Outcome));
    }

    [Fact]
    public async Task A_file_over_10_MB_or_over_20000_rows_is_refused()
    {
        await FileRefusedAsync(new byte[(10 * 1024 * 1024) + 1], "f.xlsx", "Error.Import.TooLarge");
        var (row, _) = Row();
        var many = ImportFiles.Csv(Headers, Enumerable.Repeat(row, 20_001), new UTF8Encoding(false));
        await FileRefusedAsync(many, "f.csv", "Error.Import.TooManyRows");
        Assert.Contains("10 MB", _app.Chinese("Error.Import.TooLarge"), StringComparison.Ordinal);
        Assert.Contains("20,000", _app.Chinese("Error.Import.TooManyRows"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused()
    {
        await FileRefusedAsync([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "photo.png", "Error.Import.NotSpreadsheet");
        await FileRefusedAsync(Encoding.UTF8.GetBytes("%PDF-1.7 not a register"), "f.xlsx", "Error.Import.NotSpreadsheet");
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("a zip, not a workbook");
        }
        await FileRefusedAsync(zip.ToArray(), "f.xlsx", "Error.Import.NotSpreadsheet");
        // A CSV of a few words is text, but no register: it has no header row.
        await FileRefusedAsync(Encoding.UTF8.GetBytes("hello,world\r\n1,2\r\n"), "f.csv", "Error.Import.NoHeader");
    }

    [Fact]
    public async Task A_file_missing_a_required_column_names_it_and_a_corrected_mapping_reads_it()
    {
        string[] headers = ["学生", "性别", "出生日期", "身份证号", "乡镇", "学校", "儿童类别", "摸排日期", "风险等级"];
        var (cells, _) = Row();
        var content = ImportFiles.Xlsx(headers, [cells]);

        var missing = await Assert.ThrowsAsync<InvalidInputException>(() => Import.DryRunAsync(Education, new ImportFile(content, "f.xlsx"), ct: Ct));
        Assert.Equal(["mapping.name"], missing.Errors.ByField.Keys);
        Assert.Equal("Error.Import.ColumnMissing", missing.Errors.First("mapping.name"));

        var report = await Import.DryRunAsync(Education, new ImportFile(content, "f.xlsx", Mapping: new Dictionary<string, string> { ["name"] = "学生" }), ct: Ct);
        Assert.Equal("学生", report.Mapping["name"]);
        Assert.Equal(ImportOutcome.New, Assert.Single(report.Rows).Outcome);
    }

    [Fact]
    public async Task The_same_resident_id_twice_in_a_file_refuses_the_second_row()
    {
        var (a, _) = Row();
        var b = (object?[])a.Clone();
        await RowRefusedAsync(ImportFiles.Xlsx(Headers, [a, b]), "f.xlsx", "身份证号", "Error.Import.DuplicateInFile");
    }

    [Fact]
    public async Task The_template_has_chinese_headers_an_example_drop_downs_a_text_id_column_and_an_explanation_and_imports_as_it_is()
    {
        using var stream = new MemoryStream();
        await Import.WriteTemplateAsync(Education, "education", stream, Ct);
        var bytes = stream.ToArray();

        using (var wb = new XLWorkbook(new MemoryStream(bytes)))
        {
            var ws = wb.Worksheet("花名册");
            var headers = ws.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Equal(["姓名", "性别", "出生日期", "身份证号", "乡镇（街道）", "村（社区）"], headers.Take(6));
            Assert.Contains("风险等级", headers);
            Assert.Equal("@", ws.Cell(2, 4).Style.NumberFormat.Format);
            Assert.Equal("@", ws.Cell(500, 4).Style.NumberFormat.Format);
            Assert.Equal("张小明", ws.Cell(2, 1).GetString());
            var validated = ws.DataValidations.SelectMany(v => v.Ranges.Select(r => r.FirstCell().Address.ColumnNumber)).ToHashSet();
            foreach (var column in new[] { "性别", "乡镇（街道）", "与监护人关系", "儿童类别", "风险等级", "需求" })
            {
                Assert.Contains(headers.IndexOf(column) + 1, validated);
            }
            var explain = wb.Worksheet("填写说明");
            Assert.Contains(explain.Column(1).CellsUsed(), c => c.GetString() == "身份证号");
            Assert.Contains(explain.Column(3).CellsUsed(), c => c.GetString().Contains("文本格式", StringComparison.Ordinal));
            var lists = wb.Worksheet("选项");
            Assert.Contains(lists.CellsUsed(), c => c.GetString() == "诗山镇");
        }

        // The template read back: its register sheet found among the three, its example row a valid child.
        var report = await Import.DryRunAsync(Education, new ImportFile(bytes, "template.xlsx"), ct: Ct);
        Assert.Equal("花名册", report.Sheet);
        var example = Assert.Single(report.Rows);
        Assert.True(example.Outcome is ImportOutcome.New or ImportOutcome.Unchanged or ImportOutcome.Existing, string.Join(",", example.Problems.Select(p => p.Code)));
    }
}
