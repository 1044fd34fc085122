using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.PlanParser;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// The signature grid of a joint document, printed above "Nơi nhận": rows of blocks side by side ("KT. BỘ TRƯỞNG / BỘ Y TẾ
/// / THỨ TRƯỞNG" … then the names), two or three to a row, several rows. Each name is dealt the title lines above it in
/// the nearest column since the previous row of names. Ranks before a name ("Thượng tướng", "TS.") and scan marks ('*')
/// are not part of it. Read only when the lines after "Nơi nhận" hold no signer.
/// </summary>
internal static class SignatureGridReader
{
    private static readonly Regex Cell = R(@"\S+(?: {1,2}\S+)*");
    private static readonly Regex Rank = R(
        @"^(?:[*•·]\s*)*(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+|(?:GS|PGS|TS|ThS|BS|KS|CN)\s*\.\s*(?:(?:TS|ThS|BS)\s*\.\s*)?)?");

    internal static List<Signer> Read(IReadOnlyList<string> beforeNoiNhan)
    {
        var start = -1;
        for (var i = 0; i < beforeNoiNhan.Count && start < 0; i++)
            if (Cells(beforeNoiNhan[i]).Any(c => SignerPrefix.IsMatch(c.Text))) start = i;
        if (start < 0) return [];
        var signers = new List<Signer>();
        var titleRows = new List<List<(int Center, string Text)>>();
        for (var i = start; i < beforeNoiNhan.Count; i++)
        {
            var cells = Cells(beforeNoiNhan[i]);
            var names = cells.Select(c => (c.Center, Text: Rank.Replace(c.Text, "").Trim()))
                .Where(c => !IsMostlyUpper(c.Text) && SignerName.IsMatch(c.Text)).ToList();
            if (names.Count > 0)
            {
                foreach (var (center, name) in names)
                {
                    // A title line belongs to the block it is centred over: a row with no cell near this column gives none.
                    var reach = Math.Max(12, name.Length);
                    var parts = titleRows.Select(row => row.MinBy(c => Math.Abs(c.Center - center)))
                        .Where(c => Math.Abs(c.Center - center) <= reach).Select(c => c.Text).ToList();
                    string? onBehalf = null;
                    if (parts.Count > 0 && SignerPrefix.Match(parts[0]) is { Success: true } m)
                    {
                        onBehalf = Collapse(m.Groups["rest"].Value + (parts.Count > 2 ? " " + parts[1] : ""));
                        parts = parts.Skip(parts.Count > 2 ? 2 : 1).ToList();
                    }
                    signers.Add(new Signer(parts.Count > 0 ? parts[^1] : null, name, onBehalf));
                }
                titleRows.Clear();
                continue;
            }
            var titles = cells.Where(c => IsMostlyUpper(c.Text) && c.Text.Length >= 5 && c.Text.Contains(' ')).ToList();
            if (titles.Count > 0) titleRows.Add(titles);
        }
        return signers;
    }

    private static List<(int Center, string Text)> Cells(string line) =>
        Cell.Matches(line).Select(m => (m.Index + m.Length / 2, Collapse(m.Value))).ToList();
}
