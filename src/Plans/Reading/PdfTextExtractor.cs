using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace TeamsPlans.Plans.Reading;

/// <summary>
/// .pdf to text with PdfPig: letters grouped into lines by baseline, left to right; a wide horizontal gap becomes a run
/// of spaces (so two-column headers stay recognisable); pages separated by a blank line.
/// </summary>
public sealed class PdfTextExtractor : IDocumentTextExtractor
{
    public ExtractedText Extract(byte[] content, string fileName, PlanReaderOptions options, CancellationToken ct)
    {
        if (content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) < 0)
            throw new PlanReadException(PlanReadErrorCode.Corrupt, fileName, "không phải tệp PDF (thiếu dấu hiệu %PDF).", "not a PDF file (no %PDF signature).");
        try
        {
            using var pdf = PdfDocument.Open(content);
            var sb = new StringBuilder();
            var pages = 0;
            foreach (var page in pdf.GetPages())
            {
                ct.ThrowIfCancellationRequested();
                if (++pages > options.MaxPdfPages) break;
                AppendPage(page, sb);
                sb.Append('\n');
                if (sb.Length > options.MaxTextChars) break;
            }
            return new ExtractedText(sb.ToString(), []);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new PlanReadException(PlanReadErrorCode.Encrypted, fileName, "tệp PDF được bảo vệ bằng mật khẩu.", "the PDF is password protected.", ex);
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
        // Group by baseline (tolerance: a third of the median glyph height).
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
