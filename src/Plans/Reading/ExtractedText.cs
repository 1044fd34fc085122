namespace TeamsPlans.Plans.Reading;

/// <summary>Plain text of a document, lines separated by '\n', with the footnotes the format keeps apart (docx).</summary>
public sealed record ExtractedText(string Text, IReadOnlyList<string> Footnotes)
{
    /// <summary>What the extractor could not read or read by a guess ("Trang 3 đọc bằng OCR / Page 3 read by OCR").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Pages (1-based) whose text came from OCR; items read from them carry a lower confidence.</summary>
    public IReadOnlyList<int> OcrPages { get; init; } = [];
}

/// <summary>Turns one document format into text.</summary>
internal interface IDocumentTextExtractor
{
    /// <summary>Throws <see cref="PlanReadException"/> for bad input.</summary>
    ExtractedText Extract(byte[] content, string fileName, PlanReaderOptions options, CancellationToken ct);
}
