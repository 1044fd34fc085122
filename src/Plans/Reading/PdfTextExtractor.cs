using System.Diagnostics;
using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace TeamsPlans.Plans.Reading;

/// <summary>
/// .pdf to text. With poppler installed (Debian poppler-utils), the text is exactly what <c>pdftotext -layout</c> gives:
/// ToUnicode maps, ligatures, the two-column Decree 30 header side by side, reading order. Without it, PdfPig: letters
/// grouped into lines by baseline, a wide gap kept as a run of spaces. A page with no text layer (a scan) is read by OCR
/// (pdftoppm at 300 dpi, then tesseract -l vie) and named in the warnings; where OCR is not installed the warning names
/// the page and the other pages are kept. Pages are separated by a blank line.
/// </summary>
internal sealed class PdfTextExtractor : IDocumentTextExtractor
{
    public ExtractedText Extract(byte[] content, string fileName, PlanReaderOptions options, CancellationToken ct)
    {
        if (content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) < 0)
            throw new PlanReadException(PlanReadErrorCode.Corrupt, fileName, "không phải tệp PDF (thiếu dấu hiệu %PDF).",
                "not a PDF file (no %PDF signature).");
        var pdftotext = options.UsePoppler ? Tool(options, "pdftotext") : null;
        List<string> pages;
        string? temp = null;
        try
        {
            if (pdftotext is not null)
            {
                temp = Path.Combine(Path.GetTempPath(), "teamsplans-" + Guid.NewGuid().ToString("N") + ".pdf");
                File.WriteAllBytes(temp, content);
                pages = Poppler(pdftotext, temp, fileName, options, ct);
            }
            else pages = PdfPigPages(content, fileName, options, ct);
            return WithOcr(pages, content, ref temp, fileName, options, ct);
        }
        finally
        {
            if (temp is not null) try { File.Delete(temp); } catch (IOException) { }
        }
    }

    private static string? Tool(PlanReaderOptions o, string name) =>
        o.ToolsDirectory is { } d ? (File.Exists(Path.Combine(d, name)) ? Path.Combine(d, name) : null) : ExternalTool.Find(name);

    /// <summary>pdftotext -layout -enc UTF-8, one string per page (form feeds split pages).</summary>
    private static List<string> Poppler(string exe, string file, string fileName, PlanReaderOptions options, CancellationToken ct)
    {
        ExternalTool.Result r;
        try
        {
            r = ExternalTool.Run(exe, ["-layout", "-enc", "UTF-8", "-l", options.MaxPdfPages.ToString(CultureInfo.InvariantCulture), file, "-"],
                options.Timeout, ct);
        }
        catch (TimeoutException ex)
        {
            throw new PlanReadException(PlanReadErrorCode.Timeout, fileName, $"đọc PDF quá {options.Timeout.TotalSeconds:0} giây.",
                $"reading the PDF took longer than {options.Timeout.TotalSeconds:0} s.", ex);
        }
        if (r.ExitCode != 0)
        {
            if (r.StdErr.Contains("password", StringComparison.OrdinalIgnoreCase) || r.ExitCode == 3)
                throw new PlanReadException(PlanReadErrorCode.Encrypted, fileName, "tệp PDF được bảo vệ bằng mật khẩu.",
                    "the PDF is password protected.");
            var why = FirstLine(r.StdErr);
            throw new PlanReadException(PlanReadErrorCode.Corrupt, fileName, $"tệp PDF bị hỏng, không đọc được ({why}).",
                $"the PDF is damaged and cannot be read ({why}).");
        }
        var pages = r.StdOut.Split('\f').ToList();
        if (pages.Count > 0 && pages[^1].Trim().Length == 0 && pages.Count > 1) pages.RemoveAt(pages.Count - 1);
        return pages;
    }

    private static string FirstLine(string s)
    {
        var l = s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return l.Length > 120 ? l[..120] : l;
    }

    private static ExtractedText WithOcr(List<string> pages, byte[] content, ref string? temp, string fileName, PlanReaderOptions options,
        CancellationToken ct)
    {
        var warnings = new List<string>();
        var ocrPages = new List<int>();
        // A page with no text, or whose only text is a digital-signature stamp ("Ký bởi: …", "Thời gian ký: …") or a page
        // number laid over an image, is a scan.
        var scanned = Enumerable.Range(0, pages.Count).Where(i => IsScan(pages[i])).ToList();
        if (scanned.Count > 0)
        {
            var pdftoppm = options.UseOcr ? Tool(options, "pdftoppm") : null;
            var tesseract = options.UseOcr ? Tool(options, "tesseract") : null;
            if (pdftoppm is null || tesseract is null)
            {
                var missing = pdftoppm is null && tesseract is null ? "pdftoppm, tesseract" : pdftoppm is null ? "pdftoppm" : "tesseract";
                var list = string.Join(", ", scanned.Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)));
                var vi = $"trang {list} là bản quét (không có lớp chữ) và không đọc được vì máy chưa cài OCR ({missing}; chạy scripts/setup.sh)";
                var en = $"page(s) {list} are scanned (no text layer) and cannot be read: OCR ({missing}) is not installed (run scripts/setup.sh)";
                if (scanned.Count == pages.Count)
                    throw new PlanReadException(PlanReadErrorCode.Unreadable, fileName, vi + ".", en + ".");
                warnings.Add($"Tệp '{fileName}': {vi}; các trang khác vẫn được đọc / File '{fileName}': {en}; the other pages are kept.");
            }
            else
            {
                if (temp is null)
                {
                    temp = Path.Combine(Path.GetTempPath(), "teamsplans-" + Guid.NewGuid().ToString("N") + ".pdf");
                    File.WriteAllBytes(temp, content);
                }
                var sw = Stopwatch.StartNew();
                var done = 0;
                foreach (var i in scanned)
                {
                    ct.ThrowIfCancellationRequested();
                    var page = (i + 1).ToString(CultureInfo.InvariantCulture);
                    var left = options.OcrTimeout - sw.Elapsed;
                    if (done >= options.MaxOcrPages || left <= TimeSpan.Zero)
                    {
                        warnings.Add($"Trang {page} là bản quét, chưa đọc bằng OCR (quá giới hạn {options.MaxOcrPages} trang / " +
                            $"{options.OcrTimeout.TotalSeconds:0} giây) / Page {page} is scanned and was not read by OCR (limit of " +
                            $"{options.MaxOcrPages} pages / {options.OcrTimeout.TotalSeconds:0} s reached).");
                        continue;
                    }
                    var text = Ocr(pdftoppm, tesseract, temp, i + 1, left, ct, out var error);
                    done++;
                    if (text is null)
                    {
                        warnings.Add($"Trang {page} là bản quét, OCR không đọc được ({error}) / Page {page} is scanned and OCR failed ({error}).");
                        continue;
                    }
                    pages[i] = OcrTextCleaner.Clean(text);
                    ocrPages.Add(i + 1);
                    warnings.Add($"Trang {page} là bản quét, đã đọc bằng OCR (tesseract, tiếng Việt): cần kiểm tra lại / " +
                        $"Page {page} is scanned and was read by OCR (tesseract, Vietnamese): check it.");
                }
            }
        }
        var sb = new StringBuilder();
        foreach (var p in pages)
        {
            sb.Append(p.TrimEnd('\n')).Append("\n\n");
            if (sb.Length > options.MaxTextChars) break;
        }
        return new ExtractedText(sb.ToString(), []) { Warnings = warnings, OcrPages = ocrPages };
    }

    private static readonly System.Text.RegularExpressions.Regex Stamp = new(
        // The gazette's box has no labels: "Trung tâm Công báo và Tin học" / "ttcbth@quangngai.gov.vn" / "04.04.2018 14:21:14 +07:00".
        @"^\s*(?:Ký\s+bởi|Cơ\s+quan|Tổ\s+chức|Thời\s+gian\s+ký|Ngày\s+ký|Người\s+ký|Email|E-mail|Chức\s+vụ)\s*:.*$|" +
            @"^\s*(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?\s*$"
        + @"|^\s*\S+@\S+\.\S+\s*$|^\s*\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?\s*$|" +
            @"^\s*(?:Trung\s+tâm\s+Công\s+báo|Văn\s+phòng\s+Công\s+báo|Cổng\s+thông\s+tin\s+điện\s+tử|Xác\s+thực\s*&\s*Bảo\s+mật).*$",
        System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase
            | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    internal static bool IsScan(string page)
    {
        var rest = Stamp.Replace(page, "");
        return rest.Count(char.IsLetter) < 20;
    }

    private static string? Ocr(string pdftoppm, string tesseract, string pdf, int page, TimeSpan limit, CancellationToken ct, out string? error)
    {
        var prefix = Path.Combine(Path.GetTempPath(), "teamsplans-ocr-" + Guid.NewGuid().ToString("N"));
        var png = prefix + ".png";
        try
        {
            var n = page.ToString(CultureInfo.InvariantCulture);
            var r = ExternalTool.Run(pdftoppm, ["-r", "300", "-gray", "-png", "-singlefile", "-f", n, "-l", n, pdf, prefix], limit, ct);
            if (r.ExitCode != 0 || !File.Exists(png)) { error = "pdftoppm: " + FirstLine(r.StdErr); return null; }
            var t = ExternalTool.Run(tesseract, [png, "-", "-l", "vie", "--psm", "4", "-c", "preserve_interword_spaces=1"], limit, ct);
            if (t.ExitCode != 0) { error = "tesseract: " + FirstLine(t.StdErr); return null; }
            error = null;
            return t.StdOut.Normalize(NormalizationForm.FormC);
        }
        catch (TimeoutException ex)
        {
            error = ex.Message;
            return null;
        }
        finally
        {
            try { File.Delete(png); } catch (IOException) { }
        }
    }

    private static List<string> PdfPigPages(byte[] content, string fileName, PlanReaderOptions options, CancellationToken ct)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            var list = new List<string>();
            var total = 0;
            foreach (var page in pdf.GetPages())
            {
                ct.ThrowIfCancellationRequested();
                if (list.Count >= options.MaxPdfPages) break;
                var sb = new StringBuilder();
                AppendPage(page, sb);
                list.Add(sb.ToString());
                total += sb.Length;
                if (total > options.MaxTextChars) break;
            }
            return list;
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new PlanReadException(PlanReadErrorCode.Encrypted, fileName, "tệp PDF được bảo vệ bằng mật khẩu.",
                "the PDF is password protected.", ex);
        }
        catch (PlanReadException) { throw; }
        catch (OperationCanceledException) { throw; }
        catch (Exception ex)
        {
            throw new PlanReadException(PlanReadErrorCode.Corrupt, fileName, $"tệp PDF bị hỏng, không đọc được ({ex.GetType().Name}).",
                $"the PDF is damaged and cannot be read ({ex.GetType().Name}).", ex);
        }
    }

    private static void AppendPage(Page page, StringBuilder sb)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrEmpty(l.Value)).ToList();
        if (letters.Count == 0) return;
        var heights = letters.Select(l => l.BoundingBox.Height).Where(h => h > 0).OrderBy(h => h).ToList();
        var tol = heights.Count > 0 ? Math.Max(1.0, heights[heights.Count / 2] / 3) : 2.0;
        var lines = new List<List<Letter>>();
        foreach (var l in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line[0].StartBaseLine.Y - l.StartBaseLine.Y) <= tol) line.Add(l);
            else lines.Add([l]);
        }
        foreach (var line in lines)
        {
            line.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            var avg = line.Average(l => Math.Max(l.Width, 0.1));
            double? lastEnd = null;
            foreach (var l in line)
            {
                if (lastEnd is { } end)
                {
                    var gap = l.StartBaseLine.X - end;
                    if (gap > avg * 4) sb.Append("     ");
                    else if (gap > avg * 0.2 && l.Value != " " && (sb.Length == 0 || sb[^1] != ' ')) sb.Append(' ');
                }
                sb.Append(l.Value);
                lastEnd = l.EndBaseLine.X;
            }
            sb.Append('\n');
        }
    }
}
