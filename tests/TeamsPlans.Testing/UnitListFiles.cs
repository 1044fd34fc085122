using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TeamsPlans.Testing;

/// <summary>
/// Unit lists made by the tests (not real data): a Sở GD&amp;ĐT with its Văn phòng and 5 other phòng, 10 Phòng GD&amp;ĐT,
/// 50 schools (20 THPT under the Sở, 30 THCS / TH under the Phòng) and 3 TT GDTX, each with a head whose UPN is
/// <c>head.{code}@so.test</c>; written as .xlsx (shared strings, a title line above the header) or .csv.
/// </summary>
public static class UnitListFiles
{
    public static readonly string[] Header = ["STT", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Thủ trưởng (email)", "Liên hệ"];

    public static string HeadUpn(string code) => $"head.{code.ToLowerInvariant()}@so.test";

    /// <summary>The data rows of the test Sở (without header): code, name, kind, parent, head.</summary>
    public static IReadOnlyList<string[]> Department()
    {
        var rows = new List<string[]> { Row("SGDDT", "Sở Giáo dục và Đào tạo (thử nghiệm)", "Sở GD&ĐT", "") };
        string[] offices = ["Văn phòng Sở", "Phòng Giáo dục Trung học", "Phòng Kế hoạch - Tài chính", "Phòng Tổ chức cán bộ", "Phòng Giáo dục Mầm non", "Phòng Giáo dục Tiểu học"];
        for (var i = 0; i < offices.Length; i++) rows.Add(Row(i == 0 ? "VP" : $"P{i:00}", offices[i], "Phòng thuộc Sở", "SGDDT"));
        for (var d = 1; d <= 10; d++) rows.Add(Row($"PGD{d:00}", $"Phòng GD&ĐT Quận {d}", "Phòng GD&ĐT", "SGDDT"));
        for (var s = 1; s <= 20; s++) rows.Add(Row($"THPT{s:00}", $"Trường THPT Thử Nghiệm {s}", "Trường THPT", "SGDDT"));
        for (var s = 1; s <= 30; s++)
            rows.Add(s % 2 == 0
                ? Row($"TH{s:00}", $"Trường Tiểu học Thử Nghiệm {s}", "Tiểu học", $"PGD{(s - 1) % 10 + 1:00}")
                : Row($"THCS{s:00}", $"Trường THCS Thử Nghiệm {s}", "THCS", $"PGD{(s - 1) % 10 + 1:00}"));
        for (var c = 1; c <= 3; c++) rows.Add(Row($"GDTX{c}", $"Trung tâm GDNN-GDTX Thử Nghiệm {c}", "TT GDTX", "SGDDT"));
        return rows;
    }

    private static string[] Row(string code, string name, string kind, string parent) => [code, name, kind, parent, HeadUpn(code)];

    /// <summary>Header and rows numbered, as a sheet: a title line, the header on line 2, data from line 3.</summary>
    public static IReadOnlyList<string[]> Sheet(IReadOnlyList<string[]> data, string[]? header = null)
    {
        var sheet = new List<string[]> { new[] { "DANH SÁCH ĐƠN VỊ TRỰC THUỘC (dữ liệu thử nghiệm)" }, header ?? Header };
        sheet.AddRange(data.Select((r, i) => new[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(r).ToArray()));
        return sheet;
    }

    public static byte[] Csv(IReadOnlyList<string[]> sheet, char separator = ',') =>
        System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", sheet.Select(r => string.Join(separator,
            r.Select(c => c.Contains(separator, StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal) ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)))));

    public static byte[] Xlsx(IReadOnlyList<string[]> sheet)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var strings = book.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var part = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < sheet.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < sheet[r].Length; c++)
                {
                    var text = sheet[r][c];
                    if (text.Length == 0) continue; // sparse like Excel: empty cells are not written
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    if (int.TryParse(text, out _))
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(text), DataType = CellValues.Number });
                        continue;
                    }
                    if (!index.TryGetValue(text, out var i))
                    {
                        i = index.Count;
                        index[text] = i;
                        strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                    }
                    row.Append(new Cell { CellReference = reference, CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), DataType = CellValues.SharedString });
                }
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data);
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(part), SheetId = 1, Name = "Đơn vị" }));
        }
        return ms.ToArray();
    }
}
