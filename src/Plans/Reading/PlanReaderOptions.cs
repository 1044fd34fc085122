namespace TeamsPlans.Plans.Reading;

/// <summary>Limits applied to every document before and while it is read.</summary>
public sealed record PlanReaderOptions
{
    public static PlanReaderOptions Default { get; } = new();

    /// <summary>Largest accepted file. Default 20 MB.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;
    /// <summary>Largest text kept after extraction (characters). Default 2,000,000.</summary>
    public int MaxTextChars { get; init; } = 2_000_000;
    /// <summary>.docx: largest total uncompressed size of all zip entries. Default 200 MB.</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;
    /// <summary>.docx: largest uncompressed/compressed ratio of any entry bigger than 1 MB. Default 100.</summary>
    public double MaxCompressionRatio { get; init; } = 100;
    /// <summary>.docx: most zip entries. Default 10,000.</summary>
    public int MaxZipEntries { get; init; } = 10_000;
    /// <summary>.pdf: most pages read. Default 500.</summary>
    public int MaxPdfPages { get; init; } = 500;
    /// <summary>.pdf: use poppler's pdftotext -layout when installed (the text PdfPig gives otherwise). Default true.</summary>
    public bool UsePoppler { get; init; } = true;
    /// <summary>.pdf: read pages with no text layer by OCR (pdftoppm + tesseract -l vie) when installed. Default true.</summary>
    public bool UseOcr { get; init; } = true;
    /// <summary>.pdf: time allowed for OCR of all scanned pages together (added to <see cref="Timeout"/> for PDFs). Default 120 s.</summary>
    public TimeSpan OcrTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>.pdf: most scanned pages read by OCR. Default 30.</summary>
    public int MaxOcrPages { get; init; } = 30;
    /// <summary>Directory holding pdftotext / pdftoppm / tesseract; null = PATH.</summary>
    public string? ToolsDirectory { get; init; }
    /// <summary>Upper bound for the whole read (extraction + parsing). Default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
