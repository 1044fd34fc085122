using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsPlans.Plans.Reading;

/// <summary>
/// .docx to text: paragraphs one per line with their list numbering rendered ("1.", "1.1.", "I.", "-"), tables row by
/// row (cells side by side separated by wide spaces, as a header table looks on paper), footnote references dropped
/// from the running text and footnote bodies returned apart. The zip is checked for bombs before OpenXml opens it.
/// </summary>
internal sealed class DocxTextExtractor : IDocumentTextExtractor
{
    public ExtractedText Extract(byte[] content, string fileName, PlanReaderOptions options, CancellationToken ct)
    {
        CheckZip(content, fileName, options);
        try
        {
            using var ms = new MemoryStream(content, writable: false);
            using var doc = WordprocessingDocument.Open(ms, false);
            var main = doc.MainDocumentPart ?? throw Corrupt(fileName, null);
            var numbering = new NumberingRenderer(main.NumberingDefinitionsPart?.Numbering);
            var sb = new StringBuilder();
            // The document part is streamed: one body child (paragraph or table) in memory at a time, the decompressed
            // bytes actually read are counted against MaxUncompressedBytes, and reading stops at MaxTextChars.
            using (var part = new BoundedReadStream(main.GetStream(FileMode.Open, FileAccess.Read), options.MaxUncompressedBytes,
                () => Bomb(fileName, $"dung lượng giải nén vượt {options.MaxUncompressedBytes / (1024 * 1024)} MB",
                    $"uncompressed size exceeds {options.MaxUncompressedBytes / (1024 * 1024)} MB")))
            using (var reader = new OpenXmlPartReader(part, main.Features, new OpenXmlPartReaderOptions()))
            {
                var sawBody = false;
                while (reader.Read())
                {
                    ct.ThrowIfCancellationRequested();
                    if (!reader.IsStartElement) continue;
                    if (reader.ElementType == typeof(Body)) { sawBody = true; continue; }
                    if (!sawBody || reader.Depth != 2) continue;
                    if (reader.ElementType == typeof(Paragraph))
                    {
                        var p = (Paragraph)reader.LoadCurrentElement()!;
                        sb.Append(numbering.Label(p)).Append(ParagraphText(p)).Append('\n');
                    }
                    else if (reader.ElementType == typeof(Table))
                    {
                        AppendTable((Table)reader.LoadCurrentElement()!, numbering, sb);
                    }
                    if (sb.Length > options.MaxTextChars) break;
                }
                if (!sawBody) throw Corrupt(fileName, null);
            }
            var notes = new List<string>();
            var fnPart = main.FootnotesPart?.Footnotes;
            if (fnPart is not null)
            {
                var n = 0;
                foreach (var fn in fnPart.Elements<Footnote>())
                {
                    if (fn.Type is not null && fn.Type.Value != FootnoteEndnoteValues.Normal) continue;
                    var text = string.Join(" ", fn.Elements<Paragraph>().Select(ParagraphText)).Trim();
                    if (text.Length == 0) continue;
                    n++;
                    notes.Add(n.ToString(CultureInfo.InvariantCulture) + " " + text);
                }
            }
            return new ExtractedText(sb.ToString(), notes);
        }
        catch (PlanReadException) { throw; }
        catch (OperationCanceledException) { throw; }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException
            or InvalidOperationException or FormatException or ArgumentException)
        {
            throw Corrupt(fileName, ex);
        }
    }

    private static PlanReadException Corrupt(string fileName, Exception? ex) => new(PlanReadErrorCode.Corrupt, fileName,
        "không phải tệp Word (.docx) hợp lệ hoặc tệp bị hỏng" + (ex is null ? "." : $" ({ex.GetType().Name})."),
        "not a valid Word (.docx) document or the file is damaged" + (ex is null ? "." : $" ({ex.GetType().Name})."), ex);

    /// <summary>Rejects zips whose declared sizes exceed the limits, before anything is decompressed.</summary>
    internal static void CheckZip(byte[] content, string fileName, PlanReaderOptions options)
    {
        try
        {
            using var ms = new MemoryStream(content, writable: false);
            using var zip = new ZipArchive(ms, ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxZipEntries)
                throw Bomb(fileName, $"{zip.Entries.Count} mục nén (tối đa {options.MaxZipEntries})",
                    $"{zip.Entries.Count} zip entries (limit {options.MaxZipEntries})");
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > options.MaxUncompressedBytes)
                    throw Bomb(fileName, $"dung lượng giải nén vượt {options.MaxUncompressedBytes / (1024 * 1024)} MB",
                        $"uncompressed size exceeds {options.MaxUncompressedBytes / (1024 * 1024)} MB");
                if (e.Length > 1024 * 1024 && (e.CompressedLength == 0 || (double)e.Length / e.CompressedLength > options.MaxCompressionRatio))
                    throw Bomb(fileName, $"mục '{e.FullName}' có tỉ lệ nén bất thường", $"entry '{e.FullName}' has an abnormal compression ratio");
            }
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(fileName, ex);
        }
    }

    private static PlanReadException Bomb(string fileName, string vi, string en) => new(PlanReadErrorCode.ZipBomb, fileName,
        $"tệp nén có dấu hiệu 'zip bomb': {vi}.", $"the package looks like a zip bomb: {en}.");

    private static void AppendTable(Table t, NumberingRenderer numbering, StringBuilder sb)
    {
        var rows = t.Elements<TableRow>().ToList();
        // A grid has rows with three or more filled cells; a layout table (the Decree 30 header, the signature block)
        // has two columns of text, sometimes with an empty spacer column between them.
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Elements<TableCell>().Count(c => ParagraphsText(c).Length > 0));
        if (width >= 3)
        {
            // A grid (task table, schedule, list of units): one pipe row per table row, cell paragraphs joined; a cell
            // merged down from the row above (vMerge continue) repeats that cell's text.
            var above = new List<string>();
            foreach (var row in rows)
            {
                var cells = new List<string>();
                foreach (var c in row.Elements<TableCell>())
                {
                    var text = string.Join(" ", c.Elements<Paragraph>().Select(p => (numbering.Label(p) + ParagraphText(p)).Trim())
                        .Where(x => x.Length > 0))
                        .Replace('|', '/').Replace('\n', ' ').Replace('\t', ' ');
                    var vm = c.TableCellProperties?.VerticalMerge;
                    if (vm is not null && (vm.Val is null || vm.Val.Value != MergedCellValues.Restart) && text.Length == 0
                        && cells.Count < above.Count)
                        text = above[cells.Count];
                    var span = c.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                    cells.Add(text);
                    for (var k = 1; k < span; k++) cells.Add("");
                }
                above = cells;
                if (cells.All(x => x.Length == 0)) continue;
                sb.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
            }
            return;
        }
        foreach (var row in rows)
        {
            var cells = row.Elements<TableCell>()
                .Select(c => c.Elements<Paragraph>().Select(p => (numbering.Label(p) + ParagraphText(p)).Trim()).ToList())
                .ToList();
            var height = cells.Count == 0 ? 0 : cells.Max(c => c.Count);
            for (var i = 0; i < height; i++)
            {
                var parts = cells.Select(c => i < c.Count ? c[i] : "").ToList();
                var line = string.Join("          ", parts.Where(p => p.Length > 0));
                if (line.Length > 0) sb.Append(line).Append('\n');
            }
        }
    }

    private static string ParagraphsText(TableCell c) =>
        string.Concat(c.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)).Trim();

    internal static string ParagraphText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append('\t'); break;
                case Break: sb.Append('\n'); break;
                case CarriageReturn: sb.Append('\n'); break;
                case NoBreakHyphen: sb.Append('-'); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Renders list labels from numbering.xml: counters per list and level, formats decimal/roman/letter/bullet.</summary>
    private sealed class NumberingRenderer(Numbering? numbering)
    {
        private readonly Dictionary<int, int[]> _counters = new();

        public string Label(Paragraph p)
        {
            var numPr = p.ParagraphProperties?.NumberingProperties;
            if (numbering is null || numPr?.NumberingId?.Val is null) return "";
            var numId = numPr.NumberingId.Val.Value;
            var ilvl = numPr.NumberingLevelReference?.Val?.Value ?? 0;
            var num = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var absId = num?.AbstractNumId?.Val?.Value;
            var abs = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == absId);
            if (abs is null || ilvl is < 0 or > 8) return "";
            var levels = abs.Elements<Level>().ToList();
            var lvl = levels.FirstOrDefault(l => l.LevelIndex?.Value == ilvl);
            if (lvl is null) return "";
            if (!_counters.TryGetValue(numId, out var counters)) _counters[numId] = counters = new int[9];
            counters[ilvl]++;
            for (var i = ilvl + 1; i < 9; i++) counters[i] = 0;
            var fmt = lvl.NumberingFormat?.Val?.Value;
            if (fmt == NumberFormatValues.Bullet) return "- ";
            var text = lvl.LevelText?.Val?.Value ?? "%" + (ilvl + 1) + ".";
            for (var i = 0; i <= ilvl; i++)
            {
                var li = levels.FirstOrDefault(l => l.LevelIndex?.Value == i);
                var start = li?.StartNumberingValue?.Val?.Value ?? 1;
                var value = Math.Max(counters[i], 1) + start - 1;
                var f = li?.NumberingFormat?.Val?.Value;
                text = text.Replace("%" + (i + 1), Format(value, f), StringComparison.Ordinal);
            }
            return text + " ";
        }

        private static string Format(int v, NumberFormatValues? f)
        {
            if (f == NumberFormatValues.UpperRoman) return Roman(v);
            if (f == NumberFormatValues.LowerRoman) return Roman(v).ToLowerInvariant();
            if (f == NumberFormatValues.LowerLetter) return ((char)('a' + (v - 1) % 26)).ToString();
            if (f == NumberFormatValues.UpperLetter) return ((char)('A' + (v - 1) % 26)).ToString();
            return v.ToString(CultureInfo.InvariantCulture);
        }

        private static string Roman(int v)
        {
            string[] r = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
            int[] n = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
            var sb = new StringBuilder();
            for (var i = 0; i < n.Length; i++) while (v >= n[i]) { sb.Append(r[i]); v -= n[i]; }
            return sb.ToString();
        }
    }
}
