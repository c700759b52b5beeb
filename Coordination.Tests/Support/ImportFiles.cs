using ClosedXML.Excel;

namespace Coordination.Tests.Support;

/// <summary>
/// Spreadsheets as the agencies keep them, made with ClosedXML: a header row (optionally under a merged title row) and
/// rows of cells. A string cell is text, a double a number, a string starting with '=' a formula, null an empty cell.
/// </summary>
public static class ImportFiles
{
    public static byte[] Xlsx(IReadOnlyList<string> headers, IEnumerable<object?[]> rows, string? title = null, string sheet = "花名册",
        Action<IXLWorkbook, IXLWorksheet>? more = null)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(sheet);
        var at = 1;
        if (title is not null)
        {
            ws.Cell(1, 1).Value = title;
            ws.Range(1, 1, 1, headers.Count).Merge();
            at = 2;
        }
        for (var c = 0; c < headers.Count; c++)
        {
            ws.Cell(at, c + 1).SetValue(headers[c]);
        }
        foreach (var row in rows)
        {
            at++;
            for (var c = 0; c < row.Length; c++)
            {
                var cell = ws.Cell(at, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case double d:
                        cell.SetValue(d);
                        break;
                    case string s when s.StartsWith('='):
                        cell.FormulaA1 = s[1..];
                        break;
                    case string s:
                        cell.SetValue(s);
                        break;
                    default:
                        throw new ArgumentException($"cell type {row[c]!.GetType()}");
                }
            }
        }
        more?.Invoke(wb, ws);
        using var stream = new MemoryStream();
        wb.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A CSV file of the rows in <paramref name="encoding"/> (with a BOM for UTF-8, as Excel writes it).</summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<object?[]> rows, System.Text.Encoding encoding)
    {
        var lines = new[] { string.Join(',', headers) }.Concat(rows.Select(r => string.Join(',', r.Select(c => c?.ToString() ?? ""))));
        var text = string.Join("\r\n", lines) + "\r\n";
        var bytes = encoding.GetBytes(text);
        return encoding is System.Text.UTF8Encoding ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }
}
