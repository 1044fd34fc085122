using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Reading;

/// <summary>
/// The marks tesseract puts at the start of a line of a scanned plan, read back as the document has them: a bullet
/// dash read as "—", "¬", "_" or "~" becomes "- ", and a section number 5 read as "Š", "$" or "§" before ". " or ".1"
/// becomes 5 ("Š. Phân công trách nhiệm" → "5. Phân công trách nhiệm", "$.2. Phòng Đào tạo" → "5.2. Phòng Đào tạo").
/// Only the start of a line is touched; the running text is left as OCR read it.
/// </summary>
internal static class OcrTextCleaner
{
    private static readonly Regex BulletMark = R(@"^(?<i>\s*)[—¬_~]\s+(?=\S)", RegexOptions.Multiline);
    private static readonly Regex FiveMark = R(@"^(?<i>\s*)[Š$§](?=\.(?:\s|\d))", RegexOptions.Multiline);

    public static string Clean(string page) =>
        FiveMark.Replace(BulletMark.Replace(page, m => m.Groups["i"].Value + "- "), m => m.Groups["i"].Value + "5");
}
