namespace TeamsPlans.Plans.Reading;

/// <summary>Plain text of a document, lines separated by '\n', with the footnotes the format keeps apart (docx).</summary>
public sealed record ExtractedText(string Text, IReadOnlyList<string> Footnotes);

/// <summary>Turns one document format into text.</summary>
public interface IDocumentTextExtractor
{
    /// <summary>Throws <see cref="PlanReadException"/> for bad input.</summary>
    ExtractedText Extract(byte[] content, string fileName, PlanReaderOptions options, CancellationToken ct);
}
