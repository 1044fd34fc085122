using System.Diagnostics;
using System.Text;
using TeamsPlans.Plans.Reading;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace TeamsPlans.Plans.Tests.Reading;

/// <summary>
/// The PDF text path against poppler: what <see cref="PdfTextExtractor"/> gives is what <c>pdftotext -layout</c> gives
/// (run here as its own process); a scanned page is read by OCR, or named when OCR is missing. Where poppler /
/// tesseract are not installed the tests say so (run scripts/setup.sh).
/// </summary>
public class PdfPopplerTests
{
    private const string Header = "SỞ GIÁO DỤC VÀ ĐÀO TẠO";
    private static readonly string[] HeaderRight = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

    /// <summary>A Decree 30 first page: the issuer left and the motto right on the same baselines, then the body.</summary>
    internal static byte[] TwoColumnPdf(string font, out string bodyLine)
    {
        var b = new PdfDocumentBuilder();
        var f = b.AddTrueTypeFont(File.ReadAllBytes(font));
        var page = b.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText("ỦY BAN NHÂN DÂN THÀNH PHỐ", 10, new PdfPoint(40, 800), f);
        page.AddText(HeaderRight[0], 10, new PdfPoint(300, 800), f);
        page.AddText(Header, 10, new PdfPoint(50, 786), f);
        page.AddText(HeaderRight[1], 10, new PdfPoint(330, 786), f);
        page.AddText("Số: 230 /KH-SGDĐT", 10, new PdfPoint(60, 760), f);
        page.AddText("Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2024", 10, new PdfPoint(300, 760), f);
        page.AddText("KẾ HOẠCH", 12, new PdfPoint(260, 730), f);
        page.AddText("Hoạt động đối ngoại năm 2024", 10, new PdfPoint(220, 716), f);
        bodyLine = "Căn cứ Kế hoạch số 1334/KH-SGDĐT ngày 27/3/2023 của Sở Giáo dục và Đào tạo;";
        page.AddText(bodyLine, 10, new PdfPoint(50, 690), f);
        return b.Build();
    }

    private static string Poppler(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), "pdftest-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/pdftotext") { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8, UseShellExecute = false };
            foreach (var a in new[] { "-layout", "-enc", "UTF-8", file, "-" }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var s = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return s;
        }
        finally { File.Delete(file); }
    }

    private static string Lines(string s) => string.Join("\n", s.Replace("\f", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));

    [Fact]
    public void Text_of_a_pdf_is_what_pdftotext_layout_gives()
    {
        Assert.True(File.Exists("/usr/bin/pdftotext"), "pdftotext (poppler-utils) is not installed: run scripts/setup.sh.");
        var font = DocumentFormatTests.FindFont();
        Assert.True(font is not null, "No TrueType font found (install fonts-dejavu-core).");
        var pdf = TwoColumnPdf(font!, out var body);
        var ours = new PlanReader().Extract(pdf, "x.pdf").Text;
        Assert.Equal(Lines(Poppler(pdf)), Lines(ours));
        Assert.Contains(body, ours.Normalize(NormalizationForm.FormC));
        // The two header columns stay on one line, apart.
        Assert.Contains(ours.Split('\n'), l => l.Contains(Header) && l.Contains(HeaderRight[1]));
    }

    [Fact]
    public async Task A_two_column_pdf_header_reads_as_the_decree_30_parts()
    {
        Assert.True(File.Exists("/usr/bin/pdftotext"), "pdftotext (poppler-utils) is not installed: run scripts/setup.sh.");
        var font = DocumentFormatTests.FindFont()!;
        var p = await new PlanReader().ReadAsync(new MemoryStream(TwoColumnPdf(font, out _)), "x.pdf");
        Assert.Equal("230/KH-SGDĐT", p.Number);
        Assert.Equal("Sở Giáo dục và Đào tạo", p.Issuer);
        Assert.Equal(new DateOnly(2024, 3, 5), p.IssuedOn);
        Assert.Equal("Hoạt động đối ngoại năm 2024", p.Title);
        Assert.Equal("1334/KH-SGDĐT", Assert.Single(p.LegalBases).Number);
    }

    /// <summary>The two-column page rendered to an image (pdftoppm) and put back into a PDF as its only content: a scan.</summary>
    private static byte[] ScannedPdf(string font, bool withTextPage)
    {
        var text = TwoColumnPdf(font, out _);
        var dir = Path.Combine(Path.GetTempPath(), "scan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "p.pdf"), text);
            var psi = new ProcessStartInfo("/usr/bin/pdftoppm") { UseShellExecute = false };
            foreach (var a in new[] { "-r", "200", "-png", "-singlefile", Path.Combine(dir, "p.pdf"), Path.Combine(dir, "img") }) psi.ArgumentList.Add(a);
            using (var p = Process.Start(psi)!) p.WaitForExit();
            var png = File.ReadAllBytes(Path.Combine(dir, "img.png"));
            var b = new PdfDocumentBuilder();
            var page = b.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddPng(png, new PdfRectangle(0, 0, 595, 842));
            if (withTextPage)
            {
                var f = b.AddTrueTypeFont(File.ReadAllBytes(font));
                b.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText("4. Tổ Ngữ văn: Thực hiện chuyên đề trước ngày 20/5/2024.", 10, new PdfPoint(50, 800), f);
            }
            return b.Build();
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_scanned_page_is_read_by_ocr_and_marked()
    {
        Assert.True(File.Exists("/usr/bin/pdftoppm") && File.Exists("/usr/bin/tesseract"), "pdftoppm / tesseract are not installed: run scripts/setup.sh.");
        var pdf = ScannedPdf(DocumentFormatTests.FindFont()!, withTextPage: true);
        var x = new PlanReader().Extract(pdf, "scan.pdf");
        Assert.Equal([1], x.OcrPages);
        Assert.Contains(x.Warnings, w => w.Contains("Trang 1") && w.Contains("OCR"));
        var t = x.Text.Normalize(NormalizationForm.FormC);
        Assert.Contains("KẾ HOẠCH", t);
        Assert.Contains("1334", t);
        Assert.Contains("Tổ Ngữ văn", t);
    }

    [Fact]
    public void Without_ocr_the_scanned_page_is_named_and_the_rest_kept()
    {
        var font = DocumentFormatTests.FindFont()!;
        Assert.True(File.Exists("/usr/bin/pdftoppm"), "pdftoppm is not installed: run scripts/setup.sh.");
        var empty = Path.Combine(Path.GetTempPath(), "no-tools-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        try
        {
            var opts = PlanReaderOptions.Default with { ToolsDirectory = empty };
            var x = new PlanReader(opts).Extract(ScannedPdf(font, withTextPage: true), "scan.pdf");
            Assert.Contains(x.Warnings, w => w.Contains("trang 1") && w.Contains("tesseract"));
            Assert.Contains("Tổ Ngữ văn", x.Text.Normalize(NormalizationForm.FormC));
            var ex = Assert.Throws<PlanReadException>(() => new PlanReader(opts).Extract(ScannedPdf(font, withTextPage: false), "scan.pdf"));
            Assert.Contains("trang 1", ex.Message);
            Assert.Contains("OCR", ex.Message);
        }
        finally { Directory.Delete(empty); }
    }
}
