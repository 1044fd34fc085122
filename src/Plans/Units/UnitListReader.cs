using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TeamsPlans.Plans.Reading;

namespace TeamsPlans.Plans.Units;

/// <summary>
/// Reads the rows of a unit list: .xlsx (first worksheet; shared, inline and number cells) or .csv (UTF-8 or the legacy
/// code pages <see cref="TextDecoder"/> knows, "," or ";" separated, quoted fields). Bad files raise
/// <see cref="PlanReadException"/> with a Vietnamese / English message; the zip is checked for bombs first.
/// </summary>
public static class UnitListReader
{
    public const int MaxRows = 50_000;

    public static bool IsUnitListFile(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".csv";

    public static IReadOnlyList<UnitListRow> Read(byte[] content, string fileName, PlanReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= PlanReaderOptions.Default;
        if (content.Length == 0)
            throw new PlanReadException(PlanReadErrorCode.Empty, fileName, "tệp rỗng.", "the file is empty.");
        if (content.Length > options.MaxFileBytes)
            throw new PlanReadException(PlanReadErrorCode.TooLarge, fileName, $"tệp lớn hơn {options.MaxFileBytes / (1024 * 1024)} MB.",
                $"the file is larger than {options.MaxFileBytes / (1024 * 1024)} MB.");
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(content, fileName, options),
            ".csv" => ReadCsv(TextDecoder.Decode(content, out _)),
            _ => throw new PlanReadException(PlanReadErrorCode.UnsupportedFormat, fileName,
                "danh sách đơn vị phải là tệp .xlsx hoặc .csv.", "a unit list must be an .xlsx or .csv file."),
        };
    }

    private static List<UnitListRow> ReadXlsx(byte[] content, string fileName, PlanReaderOptions options)
    {
        try
        {
            DocxTextExtractor.CheckZip(content, fileName, options);
        }
        catch (PlanReadException e) when (e.Code == PlanReadErrorCode.Corrupt)
        {
            throw Corrupt(fileName, e.InnerException);
        }
        try
        {
            using var ms = new MemoryStream(content, writable: false);
            using var doc = SpreadsheetDocument.Open(ms, false);
            var book = doc.WorkbookPart ?? throw Corrupt(fileName, null);
            var strings = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var first = book.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw Corrupt(fileName, null);
            var sheet = (WorksheetPart)book.GetPartById(first.Id!.Value!);
            var rows = new List<UnitListRow>();
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                if (rows.Count >= MaxRows) break;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < col) cells.Add("");
                    cells.Add(CellText(cell, strings));
                }
                var line = row.RowIndex?.Value is { } r ? (int)r : rows.Count + 1;
                rows.Add(new UnitListRow(line, cells));
            }
            return rows;
        }
        catch (Exception ex) when (ex is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidOperationException
            or FormatException or ArgumentException or System.Xml.XmlException)
        {
            throw Corrupt(fileName, ex);
        }
    }

    private static string CellText(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i].Trim() : "";
        return raw.Trim();
    }

    /// <summary>"C12" → 2 (zero-based column).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            n = n * 26 + (ch - 'A' + 1);
        }
        return n == 0 ? null : n - 1;
    }

    private static List<UnitListRow> ReadCsv(string text)
    {
        var rows = new List<UnitListRow>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var separator = lines.Take(5).Sum(l => l.Count(c => c == ';')) > lines.Take(5).Sum(l => l.Count(c => c == ',')) ? ';' : ',';
        for (var i = 0; i < lines.Length && rows.Count < MaxRows; i++)
        {
            var start = i;
            var record = lines[i];
            // A quoted field may span lines: join until the quotes balance.
            while (record.Count(c => c == '"') % 2 == 1 && i + 1 < lines.Length) record += "\n" + lines[++i];
            rows.Add(new UnitListRow(start + 1, SplitCsv(record, separator)));
        }
        return rows;
    }

    private static List<string> SplitCsv(string record, char separator)
    {
        var cells = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < record.Length && record[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { cells.Add(sb.ToString().Trim()); sb.Clear(); }
            else sb.Append(c);
        }
        cells.Add(sb.ToString().Trim());
        return cells;
    }

    private static PlanReadException Corrupt(string fileName, Exception? ex) => new(PlanReadErrorCode.Corrupt, fileName,
        "không phải bảng tính (.xlsx) hợp lệ hoặc tệp bị hỏng.", "not a valid spreadsheet (.xlsx) or the file is damaged.", ex);
}
