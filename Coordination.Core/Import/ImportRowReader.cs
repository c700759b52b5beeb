using System.Globalization;
using System.Text.RegularExpressions;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Core.Screenings.Details;

namespace Coordination.Core.Import;

/// <summary>
/// Turns one spreadsheet row into the screening a form would submit — the same <see cref="RecordScreening"/> with its
/// <see cref="NewChild"/> — reading the clerks' ways of writing things (男/女, 2015年3月2日, 留守儿童、低保家庭, a
/// township by its name). What cannot be read is a problem of the row; everything else is left to the form's rules.
/// </summary>
internal sealed partial class ImportRowReader
{
    private readonly IReadOnlyDictionary<string, int> _map;
    private readonly IReadOnlyList<string> _headers;
    private readonly string _kind;
    private readonly DateOnly _today;
    private readonly Dictionary<string, string> _townships = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _categories;
    private readonly Dictionary<string, string> _risks;
    private readonly Dictionary<string, string> _needs;
    private readonly Dictionary<string, string> _relations;

    public ImportRowReader(IReadOnlyDictionary<string, int> map, IReadOnlyList<string> headers, string kind, DateOnly today,
        IEnumerable<Reference.Township> townships, ImportText text)
    {
        _map = map;
        _headers = headers;
        _kind = kind;
        _today = today;
        foreach (var t in townships)
        {
            _townships[t.Key] = t.Key;
            _townships[t.Name] = t.Key;
        }
        _categories = Labels<ChildCategory>("Category.", text, "儿童", "家庭");
        _risks = Labels<RiskLevel>("Risk.", text);
        foreach (var (label, key) in _risks.ToList())
        {
            _risks.TryAdd(label + "风险", key);
        }
        _needs = Labels<Need>("Need.", text, "需求");
        _needs.Remove("none");
        _relations = Labels<GuardianRelation>("Relation.", text);
    }

    /// <summary>key, label and the label without a common suffix (留守儿童 → 留守) → key.</summary>
    private static Dictionary<string, string> Labels<T>(string prefix, ImportText text, params string[] suffixes) where T : struct, Enum
    {
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Enum.GetValues<T>())
        {
            var key = value.Key();
            var label = text[prefix + key];
            labels.TryAdd(key, key);
            labels.TryAdd(label, key);
            foreach (var suffix in suffixes)
            {
                if (label.EndsWith(suffix, StringComparison.Ordinal) && label.Length > suffix.Length)
                {
                    labels.TryAdd(label[..^suffix.Length], key);
                }
            }
        }
        return labels;
    }

    public string? Header(string field) => _map.TryGetValue(field, out var i) && i < _headers.Count ? _headers[i] : null;

    public (RecordScreening Input, List<ImportProblem> Problems, string? ResidentId) Read(SheetRow row)
    {
        var problems = new List<ImportProblem>();
        string? Text(string field)
        {
            if (!_map.TryGetValue(field, out var column) || row[column] is not { } cell)
            {
                return null;
            }
            if (cell.IsFormula)
            {
                problems.Add(new ImportProblem(field, Header(field), "Error.Import.Formula"));
                return null;
            }
            var t = cell.Text.Trim();
            return t.Length == 0 ? null : t;
        }

        var residentId = ResidentIdOf(row, problems);
        var birth = DateOf(row, ImportColumns.BirthDate, problems);
        var sexText = Text(ImportColumns.Sex);
        string? sex = sexText switch
        {
            null => null,
            "男" or "M" or "m" or "男性" => "M",
            "女" or "F" or "f" or "女性" => "F",
            _ => sexText,
        };
        if (residentId is not null && Children.ResidentId.IsValid(residentId))
        {
            // A file without a sex or birth-date column: the resident ID says both.
            if (!_map.ContainsKey(ImportColumns.BirthDate))
            {
                birth ??= Children.ResidentId.BirthDate(residentId);
            }
            if (!_map.ContainsKey(ImportColumns.Sex))
            {
                sex ??= Children.ResidentId.SexOf(residentId).ToString();
            }
        }
        var townshipText = Text(ImportColumns.Township);
        var township = townshipText is null ? null : _townships.GetValueOrDefault(townshipText, townshipText);
        var school = Text(ImportColumns.School);
        var grade = Text(ImportColumns.Grade);
        var relation = Text(ImportColumns.GuardianRelation);
        var details = new ChildDetails(
            Text(ImportColumns.Village),
            school,
            grade,
            Text(ImportColumns.GuardianName),
            relation is null ? null : _relations.GetValueOrDefault(relation, relation),
            Text(ImportColumns.GuardianPhone)?.Replace(" ", "", StringComparison.Ordinal),
            Text(ImportColumns.ParentsWorkPlace));
        var child = new NewChild(
            Text(ImportColumns.Name),
            sex,
            birth,
            residentId,
            township,
            List(Text(ImportColumns.Categories), _categories),
            details);
        var date = _map.ContainsKey(ImportColumns.Date) ? DateOf(row, ImportColumns.Date, problems) : _today;
        var risk = Text(ImportColumns.Risk);
        var needs = List(Text(ImportColumns.Needs), _needs);
        ScreeningDetails? kindDetails = _kind == ScreeningKind.SchoolSurvey.Key() && school is not null
            ? new SchoolSurveyDetails(school, grade, null, null, null, null)
            : null;
        var input = new RecordScreening(_kind, date, null, child, risk is null ? null : _risks.GetValueOrDefault(risk, risk), needs, Text(ImportColumns.Findings), kindDetails);
        return (input, problems, residentId);
    }

    private static List<string>? List(string? text, Dictionary<string, string> labels) =>
        text is null ? null : Separators().Split(text).Where(s => s.Length > 0).Select(s => labels.GetValueOrDefault(s, s)).Distinct().ToList();

    private string? ResidentIdOf(SheetRow row, List<ImportProblem> problems)
    {
        if (!_map.TryGetValue(ImportColumns.ResidentId, out var column) || row[column] is not { } cell)
        {
            return null;
        }
        var header = Header(ImportColumns.ResidentId);
        if (cell.IsFormula)
        {
            problems.Add(new ImportProblem(ImportColumns.ResidentId, header, "Error.Import.Formula"));
            return null;
        }
        var text = cell.Text.Trim();
        // Excel keeps 15 significant digits of a number: an 18-digit ID typed into a number cell has lost its last three
        // (3.50583E+17 on screen; 350583201503020000 inside). Nothing can bring them back: the column must become text.
        if ((cell.IsNumber && text.Length > 0) || Scientific().IsMatch(text))
        {
            problems.Add(new ImportProblem(ImportColumns.ResidentId, header, "Error.Import.ResidentIdAsNumber"));
            return null;
        }
        // Spaces typed or pasted inside the number (also full-width ones) and a lowercase x are the clerk's, not the ID's.
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    private DateOnly? DateOf(SheetRow row, string field, List<ImportProblem> problems)
    {
        if (!_map.TryGetValue(field, out var column) || row[column] is not { } cell)
        {
            return null;
        }
        if (cell.IsFormula)
        {
            problems.Add(new ImportProblem(field, Header(field), "Error.Import.Formula"));
            return null;
        }
        if (ReadDate(cell) is { } date)
        {
            return date;
        }
        problems.Add(new ImportProblem(field, Header(field), "Error.Import.Date"));
        return null;
    }

    /// <summary>2015年3月2日, 2015.3.2, 2015/3/2, 2015-03-02, 20150302, or an Excel serial (a date cell is a number inside).</summary>
    internal static DateOnly? ReadDate(ImportCell cell)
    {
        var text = cell.Text.Trim();
        if (cell.IsNumber && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            if (serial is >= 1 and < 2958466 && text.Length != 8)
            {
                return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            }
        }
        var m = DateText().Match(text);
        if (m.Success && int.TryParse(m.Groups["y"].Value, out var y) && int.TryParse(m.Groups["m"].Value, out var mo) && int.TryParse(m.Groups["d"].Value, out var d)
            && y is >= 1900 and <= 9999 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
        {
            return new DateOnly(y, mo, d);
        }
        return null;
    }

    [GeneratedRegex(@"^\s*(?<y>\d{4})\s*(?:[年./\-]\s*(?<m>\d{1,2})\s*[月./\-]\s*(?<d>\d{1,2})\s*日?|(?<m>\d{2})(?<d>\d{2}))\s*$")]
    private static partial Regex DateText();

    [GeneratedRegex(@"^\d(\.\d+)?[eE]\+?\d+$")]
    private static partial Regex Scientific();

    [GeneratedRegex(@"[、,，;；/\s]+")]
    private static partial Regex Separators();
}
