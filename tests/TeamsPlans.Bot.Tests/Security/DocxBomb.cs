using System.IO.Compression;
using System.Text;

namespace TeamsPlans.Bot.Tests.Security;

/// <summary>
/// A .docx inside every limit of the reader (file ≤ 20 MB, uncompressed ≤ 200 MiB, ratio ≤ 100) that still holds ~195 MiB
/// of document XML: paragraphs of one Vietnamese sentence, every second one with 8 random hex digits so deflate reaches a
/// ratio of about 40 (≈ 4.9 MB file), not thousands.
/// </summary>
public static class DocxBomb
{
    public const long XmlBytes = 195L * 1024 * 1024;

    public static (long FileBytes, long XmlBytesWritten) Write(string path)
    {
        const string sentence = "Trường THPT Bách Khoa tổ chức hoạt động đối ngoại năm học, phân công nhiệm vụ cho các tổ chuyên môn ";
        var random = new Random(13);
        long written = 0;
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Put(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Put(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var s = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            using var w = new StreamWriter(s, new UTF8Encoding(false), 1 << 16);
            const string head = """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""";
            w.Write(head);
            written += Encoding.UTF8.GetByteCount(head);
            var paragraph = Encoding.UTF8.GetByteCount("<w:p><w:r><w:t>" + sentence + "</w:t></w:r></w:p>");
            for (var i = 0; written < XmlBytes; i++)
            {
                w.Write("<w:p><w:r><w:t>");
                w.Write(sentence);
                if (i % 2 == 1) { w.Write(random.Next().ToString("x8", System.Globalization.CultureInfo.InvariantCulture)); written += 8; }
                w.Write("</w:t></w:r></w:p>");
                written += paragraph;
            }
            w.Write("</w:body></w:document>");
            written += 22;
        }
        return (new FileInfo(path).Length, written);
    }

    private static void Put(ZipArchive zip, string name, string text)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(text);
    }
}
