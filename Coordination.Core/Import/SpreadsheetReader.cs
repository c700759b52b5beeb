using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using nietras.SeparatedValues;

namespace Coordination.Core.Import;

/// <summary>
/// Reads an agency's spreadsheet (.xlsx, or .csv in UTF-8 or GB18030) into a <see cref="SheetTable"/>, refusing the
/// files it cannot read safely with <see cref="ImportFileException"/>.
/// <para>
/// Why DocumentFormat.OpenXml's SAX <see cref="OpenXmlReader"/> and not ClosedXML, MiniExcel or ExcelDataReader: the
/// goal is 20,000 rows read, checked and applied in ≤ 500 MB. ClosedXML builds the whole workbook in memory (about
/// 400 MB for 100,000 × 15 cells here); the SAX reader holds one row at a time (plus the shared strings), like the two
/// streaming libraries (about 70 MB), and it is already referenced (ClosedXML is built on it), so it adds no package.
/// It also shows what the traps need and the streaming libraries hide or flatten: whether a cell is a number or text
/// (a resident ID stored as a number), whether it is a formula, and the sheet's merged ranges.
/// </para>
/// </summary>
public static class SpreadsheetReader
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;

    /// <summary>How many rows from the top are searched for the header row (a title row or two may sit above it).</summary>
    private const int HeaderSearchRows = 10;

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="sheet">The sheet to read; null when the file has one sheet with a header row (else the caller is asked).</param>
    public static SheetTable Read(byte[] content, string? fileName, string? sheet, CancellationToken ct = default)
    {
        if (content.LongLength > MaxBytes)
        {
            throw new ImportFileException("Error.Import.TooLarge", "The file is over 10 MB.");
        }
        if (content.Length == 0)
        {
            throw NotASpreadsheet();
        }
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (content.Length >= 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04)
        {
            return ReadXlsx(content, sheet, ct);
        }
        if (content.Length >= 8 && content[0] == 0xD0 && content[1] == 0xCF && content[2] == 0x11 && content[3] == 0xE0)
        {
            // An OLE compound file: an old .xls, or an .xlsx with a password (its package is encrypted inside an
            // "EncryptionInfo" / "EncryptedPackage" pair of streams).
            if (Contains(content, Encoding.Unicode.GetBytes("EncryptionInfo")))
            {
                throw new ImportFileException("Error.Import.Encrypted", "The file is password-protected.");
            }
            throw new ImportFileException("Error.Import.Xls", "An .xls file: save it as .xlsx.");
        }
        if (extension is ".csv" or ".txt")
        {
            return ReadCsv(content, ct);
        }
        if (extension == ".xls")
        {
            throw new ImportFileException("Error.Import.Xls", "An .xls file: save it as .xlsx.");
        }
        throw NotASpreadsheet();
    }

    private static ImportFileException NotASpreadsheet() => new("Error.Import.NotSpreadsheet", "The file is not a spreadsheet.");

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static SheetTable ReadXlsx(byte[] content, string? sheet, CancellationToken ct)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException or ArgumentException or System.Xml.XmlException)
        {
            throw NotASpreadsheet();
        }
        using (document)
        {
            try
            {
                return ReadWorkbook(document, sheet, ct);
            }
            catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FormatException)
            {
                throw NotASpreadsheet();
            }
        }
    }

    private static SheetTable ReadWorkbook(SpreadsheetDocument document, string? sheet, CancellationToken ct)
    {
        var workbook = document.WorkbookPart ?? throw NotASpreadsheet();
        var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>()
            .Select(s => (Name: s.Name?.Value ?? "", Id: s.Id?.Value ?? ""))
            .ToList() ?? [];
        if (sheets.Count == 0)
        {
            throw NotASpreadsheet();
        }
        var names = sheets.Select(s => s.Name).ToList();
        var strings = SharedStrings(workbook);
        WorksheetPart PartOf((string Name, string Id) s) => (WorksheetPart)workbook.GetPartById(s.Id);

        (string Name, string Id) chosen;
        if (sheet is not null)
        {
            chosen = sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), sheet.Trim(), StringComparison.Ordinal));
            if (chosen.Name is null || chosen.Id is null || chosen.Id.Length == 0)
            {
                throw new ImportFileException("Error.Import.SheetUnknown", $"No sheet '{sheet}'.", sheet) { Sheets = names };
            }
        }
        else
        {
            var withHeader = sheets.Where(s => workbook.GetPartById(s.Id) is WorksheetPart part && ReadRows(part, strings, HeaderSearchRows, ct).Rows.Any(r => ColumnMatch(r.Cells))).ToList();
            if (withHeader.Count > 1)
            {
                throw new ImportFileException("Error.Import.SheetRequired", "Several sheets: name one.", string.Join("、", withHeader.Select(s => s.Name))) { Sheets = names };
            }
            chosen = withHeader.Count == 1 ? withHeader[0] : sheets[0];
        }
        var (rows, merges) = ReadRows(PartOf(chosen), strings, int.MaxValue, ct);
        return Tabulate(chosen.Name, names, rows, merges);
    }

    private static bool ColumnMatch(IReadOnlyList<ImportCell?> cells) => ImportColumns.LooksLikeHeader(cells.Select(c => c?.Text ?? "").ToList());

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var list = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return list;
        }
        using var reader = OpenXmlReader.Create(part);
        // An item is its text and its runs' texts; its phonetic guides (rPh, which some Chinese files carry) come after
        // them in the schema's order and are left out.
        System.Text.StringBuilder? item = null;
        var phonetic = false;
        while (reader.Read())
        {
            if (!reader.IsStartElement)
            {
                continue;
            }
            var type = reader.ElementType;
            if (type == typeof(SharedStringItem))
            {
                if (item is not null)
                {
                    list.Add(item.ToString());
                }
                item = new System.Text.StringBuilder();
                phonetic = false;
            }
            else if (type == typeof(PhoneticRun))
            {
                phonetic = true;
            }
            else if (type == typeof(Text) && item is not null && !phonetic)
            {
                item.Append(reader.GetText());
            }
        }
        if (item is not null)
        {
            list.Add(item.ToString());
        }
        return list;
    }

    private static (List<(int Number, ImportCell?[] Cells)> Rows, List<(int Row1, int Col1, int Row2, int Col2)> Merges) ReadRows(
        WorksheetPart part, List<string> strings, int maxRows, CancellationToken ct)
    {
        var rows = new List<(int, ImportCell?[])>();
        var merges = new List<(int, int, int, int)>();
        using var reader = OpenXmlReader.Create(part);
        // Element by element, never a row's DOM (LoadCurrentElement costs several times the parse itself): a row and a
        // cell are committed when the next one starts or the sheet's data ends, whether or not the reader reports their ends.
        var previous = 0;
        List<ImportCell?>? cells = null;
        var rowNumber = 0;
        var column = -1;
        Pending? cell = null;
        var inInline = false;

        void CommitCell()
        {
            if (cell is { } c && cells is not null)
            {
                while (cells.Count <= c.Column)
                {
                    cells.Add(null);
                }
                cells[c.Column] = CellOf(c, strings);
            }
            cell = null;
            inInline = false;
        }

        bool CommitRow()
        {
            CommitCell();
            if (cells is not null && cells.Any(c => c is not null))
            {
                rows.Add((rowNumber, cells.ToArray()));
                if (rows.Count > MaxRows + HeaderSearchRows)
                {
                    throw new ImportFileException("Error.Import.TooManyRows", "Over 20,000 rows.");
                }
            }
            cells = null;
            return rows.Count >= maxRows;
        }

        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(Row) && reader.IsStartElement)
            {
                ct.ThrowIfCancellationRequested();
                if (CommitRow())
                {
                    return (rows, merges);
                }
                rowNumber = Attribute(reader, "r") is { } r && int.TryParse(r, out var n) ? n : previous + 1;
                previous = rowNumber;
                cells = [];
                column = -1;
            }
            else if (type == typeof(Cell) && reader.IsStartElement)
            {
                CommitCell();
                column = Attribute(reader, "r") is { } reference ? ColumnIndex(reference) : column + 1;
                cell = new Pending(column, Attribute(reader, "t"));
            }
            else if (cell is not null && reader.IsStartElement)
            {
                if (type == typeof(CellFormula))
                {
                    cell.Formula = true;
                }
                else if (type == typeof(CellValue))
                {
                    cell.Value = reader.GetText();
                }
                else if (type == typeof(InlineString))
                {
                    inInline = true;
                }
                else if (inInline && type == typeof(Text))
                {
                    cell.Value += reader.GetText();
                }
            }
            else if (type == typeof(SheetData) && reader.IsEndElement)
            {
                if (CommitRow())
                {
                    return (rows, merges);
                }
            }
            else if (type == typeof(MergeCell) && reader.IsStartElement)
            {
                if (Attribute(reader, "ref")?.Split(':') is [var from, var to])
                {
                    merges.Add((RowIndex(from), ColumnIndex(from), RowIndex(to), ColumnIndex(to)));
                }
            }
        }
        CommitRow();
        return (rows, merges);
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var a in reader.Attributes)
        {
            if (a.LocalName == name)
            {
                return a.Value;
            }
        }
        return null;
    }

    /// <summary>A cell being read: its column, its type attribute (s, str, inlineStr, b, n, d, e), its value text, whether it is a formula.</summary>
    private sealed class Pending(int column, string? type)
    {
        public int Column { get; } = column;

        public string? Type { get; } = type;

        public string? Value { get; set; }

        public bool Formula { get; set; }
    }

    private static ImportCell? CellOf(Pending cell, List<string> strings)
    {
        var raw = cell.Value;
        string? text;
        var number = false;
        switch (cell.Type)
        {
            case "s":
                text = int.TryParse(raw, out var i) && i >= 0 && i < strings.Count ? strings[i] : null;
                break;
            case "b":
                text = raw == "1" ? "TRUE" : raw is null ? null : "FALSE";
                break;
            case null or "n":
                text = raw;
                number = raw is not null;
                break;
            default:
                // str (a formula's text), inlineStr, d (an ISO date), e (an error)
                text = raw;
                break;
        }
        if (string.IsNullOrWhiteSpace(text) && !cell.Formula)
        {
            return null;
        }
        return new ImportCell(text ?? "", number, cell.Formula);
    }

    /// <summary>"AB12" → 27 (0-based column).</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    private static int RowIndex(string reference) =>
        int.TryParse(reference.AsSpan(reference.TakeWhile(char.IsAsciiLetter).Count()), out var r) ? r : 0;

    private static SheetTable ReadCsv(byte[] content, CancellationToken ct)
    {
        if (content.AsSpan().IndexOf((byte)0) >= 0)
        {
            throw NotASpreadsheet();
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            // Excel on a Chinese Windows saves "CSV" in the system code page: GBK, of which GB18030 is the superset.
            text = Encoding.GetEncoding("GB18030").GetString(content);
        }
        text = text.TrimStart('\uFEFF');
        var rows = new List<(int, ImportCell?[])>();
        using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(new StringReader(text));
        var number = 0;
        foreach (var row in reader)
        {
            ct.ThrowIfCancellationRequested();
            number++;
            var cells = new ImportCell?[row.ColCount];
            for (var c = 0; c < row.ColCount; c++)
            {
                var value = row[c].ToString();
                cells[c] = string.IsNullOrWhiteSpace(value) ? null : new ImportCell(value, IsFormula: value.StartsWith('='));
            }
            if (cells.Any(c => c is not null))
            {
                rows.Add((number, cells));
                if (rows.Count > MaxRows + HeaderSearchRows)
                {
                    throw new ImportFileException("Error.Import.TooManyRows", "Over 20,000 rows.");
                }
            }
        }
        return Tabulate("CSV", ["CSV"], rows, []);
    }

    private static SheetTable Tabulate(string sheet, IReadOnlyList<string> sheets, List<(int Number, ImportCell?[] Cells)> rows, List<(int Row1, int Col1, int Row2, int Col2)> merges)
    {
        var headerAt = rows.Take(HeaderSearchRows).ToList().FindIndex(r => ColumnMatch(r.Cells));
        if (headerAt < 0)
        {
            throw new ImportFileException("Error.Import.NoHeader", "No header row with the columns of a register.", sheet);
        }
        var headerRow = rows[headerAt].Number;
        foreach (var m in merges.Where(m => m.Row1 <= headerRow && m.Row2 >= headerRow && m.Col2 > m.Col1))
        {
            throw new ImportFileException("Error.Import.MergedHeader", "Merged header cells.", Reference(m.Row1, m.Col1) + ":" + Reference(m.Row2, m.Col2));
        }
        var headers = rows[headerAt].Cells.Select(c => c?.Text.Trim() ?? "").ToList();
        var data = rows.Skip(headerAt + 1).ToList();
        if (data.Count > MaxRows)
        {
            throw new ImportFileException("Error.Import.TooManyRows", "Over 20,000 rows.");
        }
        // Merged cells below the header (a township written once for the rows of a block) hold their value in the
        // top-left cell only: it stands for every cell of the range.
        var byNumber = data.Select((r, i) => (r.Number, i)).ToDictionary(x => x.Number, x => x.i);
        foreach (var m in merges.Where(m => m.Row1 > headerRow))
        {
            if (!byNumber.TryGetValue(m.Row1, out var top) || m.Col1 >= data[top].Cells.Length || data[top].Cells[m.Col1] is not { } value)
            {
                continue;
            }
            for (var r = m.Row1; r <= m.Row2; r++)
            {
                if (!byNumber.TryGetValue(r, out var at))
                {
                    continue;
                }
                var cells = data[at].Cells;
                if (cells.Length <= m.Col2)
                {
                    Array.Resize(ref cells, m.Col2 + 1);
                    data[at] = (r, cells);
                }
                for (var c = m.Col1; c <= m.Col2; c++)
                {
                    cells[c] ??= value;
                }
            }
        }
        var present = data.Select(r => r.Number).ToHashSet();
        var last = data.Count == 0 ? headerRow : data[^1].Number;
        var empty = Enumerable.Range(headerRow + 1, Math.Max(0, last - headerRow)).Where(n => !present.Contains(n)).ToList();
        return new SheetTable
        {
            Sheet = sheet,
            Sheets = sheets,
            HeaderRow = headerRow,
            Headers = headers,
            Rows = data.Select(r => new SheetRow(r.Number, r.Cells)).ToList(),
            EmptyRows = empty,
        };
    }

    private static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }
        return letters + row;
    }
}
