using System.Globalization;
using Coordination.Core.Children;
using Coordination.Core.Import;
using Coordination.Tests.Support;

namespace Coordination.Tests.Import;

/// <summary>
/// A school's register as a school keeps it (建档造册): a merged title row, the headers in the school's own words,
/// dates written four ways, IDs with a lowercase x or spaces, a township by its name, an empty row in the middle.
/// Each row knows what the dry run should make of it.
/// </summary>
public sealed class SchoolRegister
{
    public static readonly string[] Headers =
        ["序号", "学生姓名", "性别", "出生年月日", "公民身份号码", "所在乡镇", "就读学校", "年级", "监护人", "联系电话", "儿童类别", "建档日期", "风险等级", "需求", "备注"];

    public sealed record Line(int Row, string Name, Sex Sex, DateOnly Birth, string ResidentId, string Township, ImportOutcome Expected,
        object?[] Cells, string? ProblemColumn = null, string? ProblemCode = null);

    public List<Line> Lines { get; } = [];

    /// <summary>The spreadsheet row of the header (a title row above it).</summary>
    public const int HeaderRow = 2;

    public const int EmptyRow = 103;

    public static readonly DateOnly SurveyDate = new(2026, 9, 15);

    /// <param name="count">Children in the file.</param>
    /// <param name="serialBase">Keeps the IDs of one file apart from another's on one app.</param>
    public SchoolRegister(int count = 200, int serialBase = 0)
    {
        var row = HeaderRow;
        for (var i = 0; i < count; i++)
        {
            row++;
            if (row == EmptyRow)
            {
                row++;
            }
            var sex = i % 2 == 0 ? Sex.F : Sex.M;
            var birth = new DateOnly(2012, 1, 1).AddDays(i * 11 % 3000);
            var id = TestResidentIds.For(birth, sex, serialBase + i);
            var township = i % 3 == 0 ? ("溪美街道", "ximei-jiedao") : i % 3 == 1 ? ("诗山镇", "shishan-zhen") : ("省新镇", "shengxin-zhen");
            var name = "学生" + (serialBase + i).ToString("0000", CultureInfo.InvariantCulture);
            object idCell = (i % 7) switch
            {
                // The clerk's ways with an ID: a space after the region code, or in the middle, and a lowercase x.
                1 => id[..6] + " " + id[6..],
                2 => id[..10] + "　" + id[10..],
                _ => id.ToLowerInvariant(),
            };
            object birthCell = (i % 4) switch
            {
                0 => $"{birth.Year}年{birth.Month}月{birth.Day}日",
                1 => $"{birth.Year}.{birth.Month}.{birth.Day}",
                2 => $"{birth.Year}/{birth.Month}/{birth.Day}",
                _ => (double)birth.ToDateTime(TimeOnly.MinValue).ToOADate(),
            };
            var cells = new object?[]
            {
                (double)(i + 1), name, sex == Sex.F ? "女" : "男", birthCell, idCell, township.Item1, "诗山中心小学", "三年级" + (i % 5 + 1) + "班",
                "祖母", "1380000" + (1000 + i).ToString(CultureInfo.InvariantCulture), i % 5 == 0 ? "留守儿童、低保家庭" : "留守儿童",
                SurveyDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i % 10 == 0 ? "中" : "低", i % 6 == 0 ? "心理、就学" : null, "父母在外务工",
            };
            Lines.Add(new Line(row, name, sex, birth, id, township.Item2, ImportOutcome.New, cells));
        }
    }

    /// <summary>Spoils row <paramref name="index"/>'s column <paramref name="column"/> with <paramref name="value"/>; the dry run must refuse it so.</summary>
    public void Spoil(int index, int column, object? value, string code)
    {
        var line = Lines[index];
        var cells = (object?[])line.Cells.Clone();
        cells[column] = value;
        Lines[index] = line with { Cells = cells, Expected = ImportOutcome.Refused, ProblemColumn = Headers[column], ProblemCode = code };
    }

    public void Expect(int index, ImportOutcome outcome) => Lines[index] = Lines[index] with { Expected = outcome };

    public byte[] ToXlsx() => ImportFiles.Xlsx(Headers, Lines.OrderBy(l => l.Row).Select(l => l.Cells).ToList().InsertEmptyAt(EmptyRow - HeaderRow - 1),
        title: "诗山中心小学留守儿童建档造册（2026年秋季）");
}

internal static class RowLists
{
    /// <summary>The rows with an empty one at position <paramref name="at"/> (0-based below the header).</summary>
    public static IEnumerable<object?[]> InsertEmptyAt(this List<object?[]> rows, int at)
    {
        if (at <= rows.Count)
        {
            rows.Insert(at, []);
        }
        return rows;
    }
}
