using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Reading;

/// <summary>
/// The entry point: a plan document (.txt, .md, .docx, .pdf) to a <see cref="PlanDocument"/>. Picks the extractor by
/// content signature first (zip → docx, %PDF → pdf), then by extension; checks size, emptiness and legacy encodings;
/// then runs <see cref="PlanParser"/>. Every bad input ends in a <see cref="PlanReadException"/> naming the file.
/// </summary>
public sealed class PlanReader
{
    /// <summary>Confidence of what was read from a document with pages read by OCR.</summary>
    public const double OcrConfidence = ReadConfidence.Ocr;

    private readonly PlanReaderOptions _options;
    private readonly IDocumentTextExtractor _docx = new DocxTextExtractor();
    private readonly IDocumentTextExtractor _pdf = new PdfTextExtractor();

    public PlanReader(PlanReaderOptions? options = null) => _options = options ?? PlanReaderOptions.Default;

    public PlanReaderOptions Options => _options;

    public async Task<PlanDocument> ReadFileAsync(string path, CancellationToken ct = default)
    {
        var name = Path.GetFileName(path);
        FileStream fs;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                throw new PlanReadException(PlanReadErrorCode.Unreadable, name, "không tìm thấy tệp.", "file not found.");
            if (info.Length > _options.MaxFileBytes) throw TooLarge(name, info.Length);
            fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PlanReadException(PlanReadErrorCode.Unreadable, name, $"không mở được tệp ({ex.Message}).",
                $"cannot open the file ({ex.Message}).", ex);
        }
        await using (fs) return await ReadAsync(fs, name, ct).ConfigureAwait(false);
    }

    public async Task<PlanDocument> ReadAsync(Stream stream, string fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        fileName = string.IsNullOrWhiteSpace(fileName) ? "(không tên)" : Path.GetFileName(fileName);
        var bytes = await ReadLimitedAsync(stream, fileName, ct).ConfigureAwait(false);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = Task.Run(() => ReadBytes(bytes, fileName, cts.Token), cts.Token);
        var isPdf = bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0;
        var limit = isPdf && _options.UseOcr ? _options.Timeout + _options.OcrTimeout : _options.Timeout;
        try
        {
            return await work.WaitAsync(limit, ct).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            await cts.CancelAsync().ConfigureAwait(false);
            throw new PlanReadException(PlanReadErrorCode.Timeout, fileName, $"đọc tệp quá {_options.Timeout.TotalSeconds:0} giây.",
                $"reading took longer than {_options.Timeout.TotalSeconds:0} s.", ex);
        }
    }

    /// <summary>Text of the document as the parser sees it (before normalization). For diagnostics and tests.</summary>
    public ExtractedText Extract(byte[] bytes, string fileName, CancellationToken ct = default)
    {
        if (bytes.Length == 0) throw Empty(fileName);
        if (bytes.Length > _options.MaxFileBytes) throw TooLarge(fileName, bytes.Length);
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] is 3 or 5 && bytes[3] is 4 or 6;
        var isPdf = bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0;
        var isOle = bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0;
        ExtractedText extracted;
        if (isOle || ext is ".doc" or ".rtf" or ".xls" or ".xlsx" or ".odt" or ".pptx")
            throw new PlanReadException(PlanReadErrorCode.UnsupportedFormat, fileName,
                "định dạng không được hỗ trợ; hãy lưu thành .docx, .pdf hoặc .txt.", "unsupported format; save it as .docx, .pdf or .txt.");
        if (ext == ".docx" || (isZip && ext is not ".pdf"))
            extracted = _docx.Extract(bytes, fileName, _options, ct);
        else if (ext == ".pdf" || isPdf)
            extracted = _pdf.Extract(bytes, fileName, _options, ct);
        else if (ext is "" or ".txt" or ".md" or ".markdown" or ".text")
        {
            var text = TextDecoder.Decode(bytes, out _);
            if (text.Contains('\0'))
                throw new PlanReadException(PlanReadErrorCode.UnsupportedFormat, fileName, "tệp nhị phân, không phải văn bản.",
                    "binary file, not text.");
            extracted = new ExtractedText(text, []);
        }
        else
            throw new PlanReadException(PlanReadErrorCode.UnsupportedFormat, fileName,
                $"phần mở rộng '{ext}' không được hỗ trợ (.txt, .md, .docx, .pdf).", $"extension '{ext}' is not supported (.txt, .md, .docx, .pdf).");

        if (extracted.Text.Length > _options.MaxTextChars)
            throw new PlanReadException(PlanReadErrorCode.TooLarge, fileName, $"văn bản dài quá {_options.MaxTextChars:N0} ký tự.",
                $"text longer than {_options.MaxTextChars:N0} characters.");
        if (string.IsNullOrWhiteSpace(extracted.Text)) throw Empty(fileName);
        var legacy = LegacyEncodingDetector.Detect(extracted.Text);
        if (legacy != LegacyVietnameseEncoding.None)
        {
            var name = legacy == LegacyVietnameseEncoding.Tcvn3 ? "TCVN3 (ABC, .VnTime)" : "VNI (VNI-Times)";
            throw new PlanReadException(PlanReadErrorCode.LegacyEncoding, fileName,
                $"văn bản gõ bằng bảng mã cũ {name}, không phải Unicode; hãy chuyển sang Unicode (ví dụ bằng Unikey Toolkit) rồi tải lại.",
                $"the text uses the legacy {name} encoding, not Unicode; convert it to Unicode (e.g. Unikey Toolkit) and upload again.");
        }
        return extracted;
    }

    private PlanDocument ReadBytes(byte[] bytes, string fileName, CancellationToken ct)
    {
        var extracted = Extract(bytes, fileName, ct);
        try
        {
            var plan = PlanParser.Parse(extracted.Text, extracted.Footnotes, fileName, ct);
            if (extracted.Warnings.Count == 0 && extracted.OcrPages.Count == 0) return plan;
            var ocr = extracted.OcrPages.Count > 0;
            return plan with
            {
                Warnings = [.. extracted.Warnings, .. plan.Warnings],
                Assignments = ocr ? plan.Assignments.Select(a => a with { Confidence = Math.Min(a.Confidence, OcrConfidence) }).ToList()
                    : plan.Assignments,
                Deadlines = ocr ? plan.Deadlines.Select(d => d with { Confidence = Math.Min(d.Confidence, OcrConfidence) }).ToList() : plan.Deadlines
            };
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new PlanReadException(PlanReadErrorCode.Timeout, fileName, "phân tích văn bản quá lâu.", "parsing took too long.", ex);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(Stream stream, string fileName, CancellationToken ct)
    {
        if (stream.CanSeek && stream.Length - stream.Position > _options.MaxFileBytes) throw TooLarge(fileName, stream.Length);
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (ms.Length + n > _options.MaxFileBytes) throw TooLarge(fileName, ms.Length + n);
            ms.Write(buffer, 0, n);
        }
        if (ms.Length == 0) throw Empty(fileName);
        return ms.ToArray();
    }

    private PlanReadException TooLarge(string fileName, long size) => new(PlanReadErrorCode.TooLarge, fileName,
        $"tệp quá lớn ({size / 1024.0 / 1024.0:0.#} MB, tối đa {_options.MaxFileBytes / 1024.0 / 1024.0:0.#} MB).",
        $"file too large ({size / 1024.0 / 1024.0:0.#} MB, limit {_options.MaxFileBytes / 1024.0 / 1024.0:0.#} MB).");

    private static PlanReadException Empty(string fileName) =>
        new(PlanReadErrorCode.Empty, fileName, "tệp rỗng, không có nội dung.", "the file is empty.");
}
