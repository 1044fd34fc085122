using System.IO.Compression;
using System.Text;
using TeamsPlans.Plans.Parsing;
using TeamsPlans.Plans.Reading;

namespace TeamsPlans.Plans.Tests;

/// <summary>Every bad input ends in a PlanReadException with a code and a Vietnamese / English message naming the file.</summary>
public class BadInputTests
{
    private static async Task<PlanReadException> Fails(byte[] bytes, string name, PlanReaderOptions? options = null)
    {
        var reader = new PlanReader(options);
        var ex = await Assert.ThrowsAsync<PlanReadException>(() => reader.ReadAsync(new MemoryStream(bytes), name));
        Assert.Equal(name, ex.FileName);
        Assert.Contains($"Tệp '{name}'", ex.Message);
        Assert.Contains($"File '{name}'", ex.Message);
        Assert.Contains(" / ", ex.Message);
        return ex;
    }

    [Fact]
    public async Task EmptyFile()
    {
        Assert.Equal(PlanReadErrorCode.Empty, (await Fails([], "rong.txt")).Code);
        Assert.Equal(PlanReadErrorCode.Empty, (await Fails(Encoding.UTF8.GetBytes("  \n\n \t "), "trang.txt")).Code);
    }

    [Fact]
    public async Task NotAPlan()
    {
        var ex = await Fails(Encoding.UTF8.GetBytes("Thư mời họp phụ huynh\nKính gửi quý phụ huynh, nhà trường tổ chức họp vào 8 giờ ngày 12/9/2024.\n"), "thu-moi.txt");
        Assert.Equal(PlanReadErrorCode.NotAPlan, ex.Code);
        Assert.Contains("không phải kế hoạch", ex.MessageVi);
        Assert.Contains("not a plan", ex.MessageEn);
    }

    [Fact]
    public async Task PlanWithoutTitleButWithStructure_IsAcceptedWithWarning()
    {
        var text = "I. MỤC ĐÍCH\n- Nâng cao nhận thức.\nII. NỘI DUNG\n- Tuyên truyền.\nIII. TỔ CHỨC THỰC HIỆN\n- Văn phòng có trách nhiệm theo dõi.\n";
        var p = await new PlanReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "khong-tieu-de.txt");
        Assert.Contains(p.Warnings, w => w.Contains("KẾ HOẠCH"));
        Assert.Equal("Văn phòng", Assert.Single(p.Assignments).Assignee.Unit);
    }

    [Fact]
    public async Task CorruptDocx()
    {
        var ex = await Fails(Encoding.UTF8.GetBytes("this is not a zip"), "hong.docx");
        Assert.Equal(PlanReadErrorCode.Corrupt, ex.Code);
        // A valid zip that is not a Word package.
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            using var w = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            w.Write("hello");
        }
        Assert.Equal(PlanReadErrorCode.Corrupt, (await Fails(ms.ToArray(), "khong-phai-word.docx")).Code);
    }

    [Fact]
    public async Task NotAPdf()
    {
        var ex = await Fails(Encoding.UTF8.GetBytes("KẾ HOẠCH giả làm PDF"), "gia.pdf");
        Assert.Equal(PlanReadErrorCode.Corrupt, ex.Code);
        Assert.Contains("PDF", ex.MessageEn);
        var truncated = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        Assert.Equal(PlanReadErrorCode.Corrupt, (await Fails(truncated, "cut.pdf")).Code);
    }

    [Fact]
    public async Task LegacyTcvn3()
    {
        // "KẾ HOẠCH ... Sở Giáo dục và Đào tạo ... năm 2024" typed with a TCVN3 (.VnTime) font, saved as Windows-1252 bytes.
        var tcvn = "Së Gi¸o dôc vµ §µo t¹o\nKÕ ho¹ch ho¹t ®éng ®èi ngo¹i n¨m 2024\nC¨n cø KÕ ho¹ch sè 678/KH-SGD§T ngµy 01 th¸ng 02 n¨m 2024\n";
        var bytes = Encoding.Latin1.GetBytes(tcvn);
        var ex = await Fails(bytes, "tcvn3.txt");
        Assert.Equal(PlanReadErrorCode.LegacyEncoding, ex.Code);
        Assert.Contains("TCVN3", ex.Message);
        // The same text already in Unicode code points (e.g. copied from a .VnTime document).
        Assert.Equal(PlanReadErrorCode.LegacyEncoding, (await Fails(Encoding.UTF8.GetBytes(tcvn), "tcvn3-utf8.txt")).Code);
    }

    [Fact]
    public async Task LegacyVni()
    {
        var vni = "SÔÛ GIAÙO DUÏC VAØ ÑAØO TAÏO\nKeá hoaïch hoaït ñoäng ñoái ngoaïi naêm 2024\nCaên cöù Keá hoaïch soá 678/KH-SGDÑT ngaøy 01 thaùng 02 naêm 2024\n";
        var ex = await Fails(Encoding.Latin1.GetBytes(vni), "vni.txt");
        Assert.Equal(PlanReadErrorCode.LegacyEncoding, ex.Code);
        Assert.Contains("VNI", ex.Message);
    }

    [Fact]
    public void UnicodeSeedsAreNotLegacy()
    {
        foreach (var f in Seeds.All())
            Assert.Equal(LegacyVietnameseEncoding.None, LegacyEncodingDetector.Detect(File.ReadAllText(f)));
    }

    [Fact]
    public async Task OverSizeLimit()
    {
        var options = new PlanReaderOptions { MaxFileBytes = 1000 };
        var bytes = Encoding.UTF8.GetBytes(Seeds.Text("001"));
        var ex = await Fails(bytes, "lon.txt", options);
        Assert.Equal(PlanReadErrorCode.TooLarge, ex.Code);
        Assert.Contains("quá lớn", ex.MessageVi);
        // Through a file path as well (size checked before reading).
        var path = Path.Combine(Path.GetTempPath(), $"tp-big-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var ex2 = await Assert.ThrowsAsync<PlanReadException>(() => new PlanReader(options).ReadFileAsync(path));
            Assert.Equal(PlanReadErrorCode.TooLarge, ex2.Code);
        }
        finally { File.Delete(path); }
        Assert.Equal(20L * 1024 * 1024, PlanReaderOptions.Default.MaxFileBytes);
    }

    [Fact]
    public async Task ZipBomb()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            var e = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var s = e.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) s.Write(zeros); // 64 MB of zeros compress to ~64 KB (ratio ~1000)
        }
        var ex = await Fails(ms.ToArray(), "bom.docx");
        Assert.Equal(PlanReadErrorCode.ZipBomb, ex.Code);
        Assert.Contains("zip bomb", ex.MessageEn);
    }

    [Fact]
    public async Task UnsupportedFormats()
    {
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0 };
        Assert.Equal(PlanReadErrorCode.UnsupportedFormat, (await Fails(ole, "cu.doc")).Code);
        Assert.Equal(PlanReadErrorCode.UnsupportedFormat, (await Fails([1, 2, 3], "anh.png")).Code);
    }

    [Fact]
    public async Task MissingFile()
    {
        var ex = await Assert.ThrowsAsync<PlanReadException>(() => new PlanReader().ReadFileAsync("/nonexistent/ke-hoach.docx"));
        Assert.Equal(PlanReadErrorCode.Unreadable, ex.Code);
        Assert.Equal("ke-hoach.docx", ex.FileName);
    }

    [Fact]
    public async Task TextEncodings()
    {
        var text = Seeds.Text("001");
        var expected = await new PlanReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "a.txt");
        foreach (var (bytes, name) in new[]
                 {
                     (Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "bom.txt"),
                     (Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(), "utf16le.txt"),
                     (Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(), "utf16be.txt"),
                 })
        {
            var p = await new PlanReader().ReadAsync(new MemoryStream(bytes), name);
            Assert.Equal(expected.Number, p.Number);
            Assert.Equal(expected.Title, p.Title);
            Assert.Equal(expected.Assignments.Count, p.Assignments.Count);
        }
        // Windows-1258 (Vietnamese ANSI): not valid UTF-8, decoded with the code page.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1258 = TextDecoder.Decode(System.Text.Encoding.GetEncoding(1258).GetBytes("K\u00CA\u0301 HOA\u0323CH"), out var enc);
        Assert.Equal("windows-1258", enc);
        Assert.Equal("KẾ HOẠCH", TextNormalizer.CleanChars(cp1258));
    }

    [Fact]
    public async Task PartialPlan_KeepsWhatWasReadAndListsWhatIsMissing()
    {
        var text = "KẾ HOẠCH\nTuyên truyền an toàn giao thông năm 2024\nI. MỤC ĐÍCH\n- Nâng cao ý thức.\n";
        var p = await new PlanReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "thieu.txt");
        Assert.Equal("Tuyên truyền an toàn giao thông năm 2024", p.Title);
        Assert.Equal(2024, p.Year);
        Assert.Single(p.Sections);
        foreach (var w in new[] { "Missing number", "Missing place", "Missing issuer", "Missing signer", "Missing recipients", "organization" })
            Assert.Contains(p.Warnings, x => x.Contains(w));
        Assert.All(p.Warnings, w => Assert.Contains(" / ", w));
    }
}
