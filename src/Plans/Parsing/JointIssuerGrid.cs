using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// The issuers of a joint document printed as a grid in the left column, two to a line and wrapped ("BỘ CÔNG AN BỘ QUỐC
/// PHÒNG" / "BỘ Y TẾ  BỘ CÔNG THƯƠNG" / "BỘ TÀI CHÍNH VIỆN KIỂM SÁT" / "NHÂN DÂN TỐI CAO TÒA ÁN" / "NHÂN DÂN TỐI CAO"):
/// the lines read as one run of words, cut before each word that opens a body (Bộ, Viện, Tòa án, Ủy ban, Sở, Tổng cục,
/// Ban). Used only when a line holds two bodies side by side and three bodies or more are found, so a governing body
/// over its issuer ("UBND TỈNH LÀO CAI" / "SỞ CÔNG THƯƠNG") is never read as a joint document.
/// </summary>
internal static class JointIssuerGrid
{
    private static readonly Regex Head = R(@"(?<![\p{L}])(?:(?<!(?:CHI|ĐẢNG)\s)BỘ|(?<!HỌC\s)VIỆN|TÒA\s+ÁN|TOÀ\s+ÁN|(?:ỦY|UỶ)\s+BAN|UBND|" +
        @"SỞ|TỔNG\s+CỤC|(?<!(?:ỦY|UỶ)\s)BAN)(?=\s)");

    /// <summary>The bodies in reading order, or null when the lines are no grid of three bodies or more.</summary>
    public static List<string>? Split(IReadOnlyList<string> orgLines)
    {
        var grid = orgLines.Any(l => Head.Matches(Collapse(l)).Count(m => m.Index > 0) > 0 && Head.Match(Collapse(l)).Index == 0);
        if (!grid) return null;
        var run = Collapse(string.Join(' ', orgLines));
        var cuts = Head.Matches(run).Select(m => m.Index).ToList();
        if (cuts.Count < 3 || cuts[0] != 0) return null;
        var bodies = new List<string>();
        for (var i = 0; i < cuts.Count; i++)
        {
            var end = i + 1 < cuts.Count ? cuts[i + 1] : run.Length;
            var body = run[cuts[i]..end].Trim().Trim('-', '–', ' ');
            if (body.Split(' ').Length < 2) return null;
            bodies.Add(body);
        }
        return bodies;
    }
}
