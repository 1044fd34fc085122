using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Reading;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace TeamsPlans.Plans.Tests;

/// <summary>
/// Seed 001 rebuilt as a .docx (numbered list for the sections, the "Nơi nhận"/signer block as a two-column table,
/// a real footnote) and as a .pdf (wrapped lines, embedded TrueType font, page numbers): same facts as the .txt.
/// </summary>
public class DocumentFormatTests
{
    private static readonly System.Text.RegularExpressions.Regex Roman = new(@"^(?<id>[IVX]+)\.\s+(?<t>.*)$");
    private static readonly System.Text.RegularExpressions.Regex Arabic = new(@"^(?<id>\d+)\.\s+(?<t>.*)$");

    internal static byte[] BuildDocx(string seedText, out string footnoteText)
    {
        footnoteText = "Quyết định số 3833/QĐ-UBND ngày 11/11/2022 của Ủy ban nhân dân Thành phố.";
        var lines = seedText.Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var tail = lines.FindIndex(l => l.StartsWith("Nơi nhận", StringComparison.Ordinal));
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var body = main.Document.Body!;

            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.UpperRoman }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%2." }) { LevelIndex = 1 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });

            var footnotes = main.AddNewPart<FootnotesPart>();
            footnotes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                new Footnote(new Paragraph(new Run(new FootnoteReferenceMark()), new Run(new Text(" " + footnoteText) { Space = SpaceProcessingModeValues.Preserve }))) { Id = 1 });

            var footnotePlaced = false;
            foreach (var line in lines.Take(tail))
            {
                var r = Roman.Match(line);
                var a = Arabic.Match(line);
                if (r.Success) body.Append(Numbered(r.Groups["t"].Value, 0));
                else if (a.Success) body.Append(Numbered(a.Groups["t"].Value, 1));
                else if (!footnotePlaced && line.Contains("Tham gia đánh giá quốc tế", StringComparison.Ordinal))
                {
                    // "... chất lượng giáo dục phổ thông.¹ ..." with a real footnote reference.
                    var cut = line.IndexOf("phổ thông.", StringComparison.Ordinal) + "phổ thông.".Length;
                    body.Append(new Paragraph(
                        new Run(new Text(line[..cut]) { Space = SpaceProcessingModeValues.Preserve }),
                        new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = 1 }),
                        new Run(new Text(line[cut..]) { Space = SpaceProcessingModeValues.Preserve })));
                    footnotePlaced = true;
                }
                else body.Append(new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            }
            Assert.True(footnotePlaced);

            // Nơi nhận (left) and signer (right) side by side, as on paper.
            var left = lines.Skip(tail).TakeWhile(l => l.StartsWith("Nơi nhận", StringComparison.Ordinal) || l.StartsWith('-')).ToList();
            var signer = lines.Skip(tail + left.Count).ToList();
            var right = Enumerable.Repeat("", Math.Max(0, left.Count - signer.Count)).Concat(signer).ToList();
            body.Append(new Table(new TableRow(Cell(left), Cell(right))));
            main.Document.Save();
        }
        return ms.ToArray();

        static Paragraph Numbered(string text, int level) => new(
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 1 })),
            new Run(new Text(text)));

        static TableCell Cell(IEnumerable<string> paragraphs) =>
            new(paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = SpaceProcessingModeValues.Preserve }))));
    }

    internal static string? FindFont()
    {
        foreach (var f in new[] { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf" })
            if (File.Exists(f)) return f;
        return null;
    }

    internal static byte[] BuildPdf(string seedText, string fontPath)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(fontPath));
        const double size = 9, lineHeight = 12, top = 800, bottom = 60;
        var lines = new List<string>();
        foreach (var raw in seedText.Replace("\r", "").Split('\n'))
        {
            var t = raw.Trim();
            if (t.Length == 0) continue;
            // wrap at ~95 characters, mid-sentence, as a printed page does
            while (t.Length > 95)
            {
                var cut = t.LastIndexOf(' ', 95);
                if (cut <= 0) cut = 95;
                lines.Add(t[..cut]);
                t = t[cut..].TrimStart();
            }
            lines.Add(t);
        }
        var pageNo = 0;
        var i = 0;
        while (i < lines.Count)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            pageNo++;
            for (var y = top; y > bottom && i < lines.Count; y -= lineHeight, i++)
                page.AddText(lines[i], size, new PdfPoint(50, y), font);
            page.AddText(pageNo.ToString(System.Globalization.CultureInfo.InvariantCulture), size, new PdfPoint(297, 30), font);
        }
        return builder.Build();
    }

    private static void AssertSameFacts(PlanDocument expected, PlanDocument actual)
    {
        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.IssuedOn, actual.IssuedOn);
        Assert.Equal(expected.Place, actual.Place);
        Assert.Equal(expected.Issuer, actual.Issuer);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.LegalBases.Select(b => (b.Kind, b.Number, b.IssuedOn, b.Issuer)), actual.LegalBases.Select(b => (b.Kind, b.Number, b.IssuedOn, b.Issuer)));
        Assert.Equal(Ids(expected.Sections), Ids(actual.Sections));
        Assert.Equal(expected.Assignments.Select(a => (a.Assignee.Name, a.Assignee.Title, a.Assignee.Unit)), actual.Assignments.Select(a => (a.Assignee.Name, a.Assignee.Title, a.Assignee.Unit)));
        Assert.Equal(expected.Deadlines, actual.Deadlines);
        Assert.Equal(expected.Recipients, actual.Recipients);
        Assert.Equal(expected.Signer, actual.Signer);

        static List<string> Ids(IEnumerable<PlanSection> s) => s.SelectMany(x => new[] { x.Id + " " + x.Heading }.Concat(Ids(x.Sections))).ToList();
    }

    [Fact]
    public async Task Docx_WithNumberingTableAndFootnote_GivesTheSameFactsAsText()
    {
        var text = Seeds.Text("001");
        var expected = await Seeds.ReadAsync("001");
        var docx = BuildDocx(text, out var footnote);
        var reader = new PlanReader();
        var extracted = reader.Extract(docx, "001.docx");
        Assert.Contains("I. MỤC ĐÍCH, YÊU CẦU", extracted.Text);
        Assert.Contains("III. TỔ CHỨC THỰC HIỆN", extracted.Text);
        var p = await reader.ReadAsync(new MemoryStream(docx), "001.docx");
        AssertSameFacts(expected, p);
        Assert.Contains(p.Footnotes, f => f.Contains("3833/QĐ-UBND"));
        Assert.Contains(p.Sections[1].Sections[2].Items, i => i.Contains("chất lượng giáo dục phổ thông. Cử cán bộ"));
        Assert.DoesNotContain(footnote, string.Join(" ", p.Sections.SelectMany(SeedPlanTests.Flatten).SelectMany(s => s.Items)));
    }

    [Fact]
    public async Task Pdf_WithEmbeddedFontAndWrappedLines_GivesTheSameFactsAsText()
    {
        var font = FindFont();
        Assert.True(font is not null, "No TrueType font found (install fonts-dejavu-core).");
        var text = Seeds.Text("001");
        var expected = await Seeds.ReadAsync("001");
        var pdf = BuildPdf(text, font!);
        var reader = new PlanReader();
        var extracted = reader.Extract(pdf, "001.pdf");
        Assert.Contains("Thành phố Hồ Chí Minh, ngày 03 tháng 4 năm 2023", extracted.Text.Normalize(NormalizationForm.FormC));
        var p = await reader.ReadAsync(new MemoryStream(pdf), "001.pdf");
        AssertSameFacts(expected, p);
        Assert.Equal(expected.Sections[0].Sections[0].Items, p.Sections[0].Sections[0].Items);
    }

    [Fact]
    public async Task Pdf_OfAnotherSeed_WithTwoColumnHeader()
    {
        var font = FindFont();
        Assert.True(font is not null, "No TrueType font found (install fonts-dejavu-core).");
        var expected = await Seeds.ReadAsync("000");
        var p = await new PlanReader().ReadAsync(new MemoryStream(BuildPdf(Seeds.Text("000"), font!)), "000.pdf");
        Assert.Equal(expected.Number, p.Number);
        Assert.Equal(expected.ParentIssuer, p.ParentIssuer);
        Assert.Equal(expected.Issuer, p.Issuer);
        Assert.Equal(expected.Title, p.Title);
        Assert.Equal(expected.Assignments.Select(a => a.Assignee), p.Assignments.Select(a => a.Assignee));
        Assert.Equal(expected.Signer, p.Signer);
    }
}
