using System.Globalization;
using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.PlanParser;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>"Nơi nhận" and the signature block(s) after the body. Split from <see cref="PlanParser"/>.</summary>
internal static class TailReader
{
    private static readonly Regex SpacedDash = R(@"^([-–•+])\s{2,}(?=\S)");

    /// <summary>
    /// "Nơi nhận" and the signature block(s). Two signers side by side (a joint plan) are kept apart by column. Once the
    /// name(s) are read, only recipient lines are taken: what follows (Phụ lục, DANH SÁCH, a schedule) is no signer's title.
    /// </summary>
    internal static (List<Recipient>, List<Signer>) Parse(List<string> tail, List<string> warnings)
    {
        var recipients = new List<Recipient>();
        // Title columns line by line, and the names: two names on one line are two signers (a joint plan), and the
        // title columns of each line are dealt to them in order; otherwise one signer with every title line.
        var titleRows = new List<List<string>>();
        List<string>? names = null;
        var first = true;
        var done = false;
        var lastOpen = false;
        // The last bullet as printed: a recipient wrapped over two lines keeps the comma at the break ("Công Thương,").
        var lastRaw = "";
        foreach (var raw in tail)
        {
            var line = raw.TrimEnd();
            if (first)
            {
                first = false;
                var c = Collapse(line);
                var m = NoiNhan.Match(c);
                var afterRaw =
                    line[(line.IndexOf(m.Value.TrimEnd(), StringComparison.Ordinal) is var ix and >= 0 ? ix + m.Value.TrimEnd().Length : 0)..];
                var parts = TwoSpaces.Split(afterRaw.Trim()).Select(Collapse).Where(a => a.Length > 0).ToList();
                var row = parts.Where(IsMostlyUpper).ToList();
                if (row.Count > 0) titleRows.Add(row);
                var nm = parts.Where(a => !IsMostlyUpper(a) && SignerName.IsMatch(a)).ToList();
                if (nm.Count > 0) { names = nm; done = true; }
                continue;
            }
            if (line.Trim().Length == 0) continue;
            // "-   Bộ Công an;": a dash set apart by a column gap (OCR, pdftotext -layout) still opens the bullet.
            var cols = Columns.Split(SpacedDash.Replace(line.Trim(), "$1 ")).Select(Collapse).Where(x => x.Length > 0).ToList();
            var signerCols = new List<string>();
            foreach (var col in cols)
            {
                var b = Paragraphs.Bullet.Match(col);
                if (b.Success)
                {
                    lastRaw = b.Groups["rest"].Value;
                    recipients.Add(ReadRecipient(lastRaw));
                    lastOpen = !col.TrimEnd().EndsWith(';') && !col.TrimEnd().EndsWith('.') && !col.TrimEnd().EndsWith(')');
                    continue;
                }
                // A recipient line ending in ';' whose dash was lost (a scan): another recipient, not a signer's line.
                if (recipients.Count > 0 && col == cols[0] && signerCols.Count == 0 && col.EndsWith(';') && !IsMostlyUpper(col) && !lastOpen)
                {
                    lastRaw = col;
                    recipients.Add(ReadRecipient(col));
                    continue;
                }
                var continues = char.IsLower(col[0])
                    || (lastOpen && !IsMostlyUpper(col) && !SignerName.IsMatch(col) && !(col.StartsWith('(') && col.EndsWith(')')));
                if (recipients.Count > 0 && continues && signerCols.Count == 0 && col == cols[0])
                {
                    lastOpen = !col.TrimEnd().EndsWith(';') && !col.TrimEnd().EndsWith('.');
                    lastRaw = lastRaw.Length > 0 ? lastRaw + " " + col : recipients[^1].Name + " " + col;
                    recipients[^1] = ReadRecipient(lastRaw);
                    continue;
                }
                signerCols.Add(col);
            }
            if (done)
            {
                if (signerCols.Count > 0) break;
                continue;
            }
            var real = signerCols.Where(x => !(x.StartsWith('(') && x.EndsWith(')'))
                && !x.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase)).ToList();
            var titles = real.Where(x => IsMostlyUpper(x) && x.Any(char.IsLetter)).ToList();
            var nameCols = real.Where(x => !IsMostlyUpper(x) && SignerName.IsMatch(x)).ToList();
            if (titles.Count > 0) titleRows.Add(titles);
            if (nameCols.Count > 0) { names = nameCols; done = true; }
        }
        var slots = new List<(List<string> Title, string? Name)>();
        if (names is { Count: >= 2 })
        {
            foreach (var n in names) slots.Add(([], n));
            foreach (var row in titleRows)
            {
                if (row.Count == names.Count) for (var k = 0; k < row.Count; k++) slots[k].Title.Add(row[k]);
                else slots[^1].Title.AddRange(row);
            }
        }
        else slots.Add((titleRows.SelectMany(r => r).ToList(), names?.FirstOrDefault()));
        var signers = slots.Where(x => x.Title.Count > 0 || x.Name is not null).Select(x => MakeSigner(x.Title, x.Name)).ToList();
        return (recipients, signers);
    }

    /// <summary>No "Nơi nhận": the signer is the last lines — a name, with upper-case title lines right above it.</summary>
    internal static Signer? SignerOnly(List<string> lines)
    {
        var nonEmpty = lines.Select(Collapse).Where(l => l.Length > 0).ToList();
        if (nonEmpty.Count == 0 || !SignerName.IsMatch(nonEmpty[^1])) return null;
        var name = nonEmpty[^1];
        var titleParts = new List<string>();
        for (var i = nonEmpty.Count - 2; i >= 0 && i >= nonEmpty.Count - 4; i--)
        {
            var c = nonEmpty[i];
            if (c.StartsWith('(') && c.EndsWith(')')) continue;
            if (!IsMostlyUpper(c) || c.Length > 60 || Paragraphs.Classify(c).Kind != ParaKind.Plain || TitleLine.IsMatch(c)) break;
            titleParts.Insert(0, c);
        }
        return MakeSigner(titleParts, name);
    }

    private static Signer MakeSigner(List<string> parts, string? name)
    {
        parts = parts.Select(p => Collapse(p.Replace("*", ""))).Where(p => p.Length > 0).ToList();
        string? onBehalf = null;
        if (parts.Count > 0)
        {
            var m = SignerPrefix.Match(parts[0]);
            if (m.Success)
            {
                onBehalf = m.Groups["rest"].Value.Trim();
                parts.RemoveAt(0);
            }
        }
        var title = parts.Count > 0 ? string.Join(" ", parts) : null;
        if (title is null && onBehalf is not null) { title = onBehalf; onBehalf = null; }
        return new Signer(title, name, onBehalf);
    }

    /// <summary>"(đ/c Bích)", "(N.T. Sinh)", "(Bích)": the person a copy goes to, part of the recipient.</summary>
    private static bool IsPersonNote(string p)
    {
        if (Regex.IsMatch(p, @"^(?:đ/c|Đ/c|đồng\s+chí|Đồng\s+chí|ông|bà|Ông|Bà)\s", RegexOptions.CultureInvariant)) return true;
        var words = p.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 3 && words.All(w => char.IsUpper(w[0]));
    }

    private static Recipient ReadRecipient(string text)
    {
        // A closing ";" that OCR (or the typist) gave as ":" ("- Bộ Y tế:", "- Ủy ban MTTQVN Tỉnh:") ends the line like ";".
        var t = Collapse(text).TrimEnd(';', '.', ',', ':').Trim();
        if (t.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase)) return new Recipient(t, "Lưu");
        var m = Purpose.Match(t);
        if (m.Success)
        {
            var p = m.Groups["p"].Value.ToLowerInvariant() switch
            {
                "t/h" or "th" => "thực hiện",
                "b/c" or "bc" => "báo cáo",
                var x => Collapse(x)
            };
            var n = (t[..m.Index] + t[(m.Index + m.Length)..]).Trim().TrimEnd(';', '.', ',').Trim();
            return new Recipient(n, "để " + p);
        }
        // Any other purpose in parentheses at the end: "(p/h)", "(để báo cáo và phê duyệt)", "(bố trí kinh phí …)"; an
        // upper-case abbreviation "(HC-QT)" or a name "(Bích)" names a part or person of the unit and stays.
        var tailParen = Regex.Match(t, @"^(?<n>.+?)\s*\((?<p>[^()]{1,120})\)\s*$");
        if (tailParen.Success && tailParen.Groups["n"].Value.Length >= 2 && tailParen.Groups["p"].Value.Any(char.IsLower)
            && !IsPersonNote(tailParen.Groups["p"].Value.Trim()))
            return new Recipient(tailParen.Groups["n"].Value.Trim().TrimEnd(';', '.', ',').Trim(), Collapse(tailParen.Groups["p"].Value));
        var inl = PurposeInline.Match(t);
        if (inl.Success) return new Recipient(t[..inl.Index].Trim(), "để " + Collapse(inl.Groups["p"].Value.ToLowerInvariant()));
        return new Recipient(t, null);
    }
}
