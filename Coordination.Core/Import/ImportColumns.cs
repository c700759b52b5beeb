namespace Coordination.Core.Import;

/// <summary>
/// The columns an import knows, by the field they fill (the API's camelCase names, as in a screening's
/// <c>child.*</c>), each with the headers the agencies' own spreadsheets use for it. The first header of each is
/// the template's.
/// </summary>
public static class ImportColumns
{
    public const string Name = "name";
    public const string Sex = "sex";
    public const string BirthDate = "birthDate";
    public const string ResidentId = "residentId";
    public const string Township = "township";
    public const string Village = "village";
    public const string School = "school";
    public const string Grade = "grade";
    public const string GuardianName = "guardianName";
    public const string GuardianRelation = "guardianRelation";
    public const string GuardianPhone = "guardianPhone";
    public const string ParentsWorkPlace = "parentsWorkPlace";
    public const string Categories = "categories";
    public const string Date = "date";
    public const string Risk = "risk";
    public const string Needs = "needs";
    public const string Findings = "findings";

    /// <summary>Field → the headers it is known by, the template's first.</summary>
    public static readonly IReadOnlyList<(string Field, string[] Headers)> All =
    [
        (Name, ["姓名", "儿童姓名", "学生姓名", "名字"]),
        (Sex, ["性别"]),
        (BirthDate, ["出生日期", "出生年月日", "出生年月", "生日"]),
        (ResidentId, ["身份证号", "身份证号码", "公民身份号码", "居民身份证号", "居民身份证号码", "身份证"]),
        (Township, ["乡镇（街道）", "乡镇", "所在乡镇", "乡镇街道", "镇街", "所在镇街"]),
        (Village, ["村（社区）", "村居", "所在村", "村", "社区", "村/社区", "所在村（社区）"]),
        (School, ["学校", "就读学校", "所在学校"]),
        (Grade, ["年级", "班级", "年级班级"]),
        (GuardianName, ["监护人姓名", "监护人"]),
        (GuardianRelation, ["与监护人关系", "监护人关系", "关系"]),
        (GuardianPhone, ["监护人电话", "联系电话", "监护人联系电话", "电话", "手机号码", "手机"]),
        (ParentsWorkPlace, ["父母务工地", "务工地点", "父母外出务工地"]),
        (Categories, ["儿童类别", "类别", "困境类别"]),
        (Date, ["摸排日期", "筛查日期", "建档日期", "调查日期", "填表日期"]),
        (Risk, ["风险等级", "风险"]),
        (Needs, ["需求", "需求类别", "主要需求"]),
        (Findings, ["情况说明", "主要情况", "备注", "发现"]),
    ];

    /// <summary>A file must have these; sex and birth date, when absent, are read from the resident ID.</summary>
    public static readonly IReadOnlyList<string> Required = [Name, ResidentId, Township, Categories, Risk];

    public static bool IsKnown(string field) => All.Any(c => c.Field == field);

    public static string TemplateHeader(string field) => All.First(c => c.Field == field).Headers[0];

    /// <summary>The field a header names, or null: spaces, a required-mark star, a colon and the width of brackets do not count.</summary>
    public static string? FieldOf(string? header)
    {
        var h = Normal(header);
        if (h.Length == 0)
        {
            return null;
        }
        foreach (var (field, headers) in All)
        {
            if (headers.Any(x => Normal(x) == h))
            {
                return field;
            }
        }
        return null;
    }

    /// <summary>A row is the header row when at least three of its cells name known columns.</summary>
    public static bool LooksLikeHeader(IReadOnlyList<string> cells) => cells.Select(FieldOf).Where(f => f is not null).Distinct().Count() >= 3;

    /// <summary>Field → column index of the first header naming it, before any correction.</summary>
    public static Dictionary<string, int> FoundByName(IReadOnlyList<string> headers)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            if (FieldOf(headers[i]) is { } f && !map.ContainsKey(f))
            {
                map[f] = i;
            }
        }
        return map;
    }

    /// <summary>
    /// Field → column index: the headers found, then the caller's corrections (<paramref name="overrides"/>: field → the
    /// header it is under in this file, or empty for "not in this file"). A correction naming a header the file does not
    /// have, or an unknown field, is refused.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Map(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? overrides)
    {
        var map = FoundByName(headers);
        var errors = new InputErrors();
        foreach (var (field, header) in overrides ?? new Dictionary<string, string>())
        {
            if (!IsKnown(field))
            {
                errors.Add("mapping." + field, "Error.Import.MappingField");
                continue;
            }
            if (string.IsNullOrWhiteSpace(header))
            {
                map.Remove(field);
                continue;
            }
            var index = headers.ToList().FindIndex(h => Normal(h) == Normal(header));
            if (index < 0)
            {
                errors.Add("mapping." + field, "Error.Import.MappingHeader");
                continue;
            }
            foreach (var other in map.Where(kv => kv.Value == index && kv.Key != field).Select(kv => kv.Key).ToList())
            {
                map.Remove(other);
            }
            map[field] = index;
        }
        foreach (var field in Required.Where(f => !map.ContainsKey(f)))
        {
            errors.Add("mapping." + field, "Error.Import.ColumnMissing");
        }
        errors.ThrowIfAny();
        return map;
    }

    private static string Normal(string? header)
    {
        var chars = (header ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '*' and not '＊' and not ':' and not '：').Select(c => c switch
        {
            '（' => '(',
            '）' => ')',
            '／' => '/',
            _ => c,
        });
        return string.Concat(chars).ToLowerInvariant();
    }
}
