using System.Globalization;
using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.PlanParser;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// The Decree 30 header above the title: the issuer (and the body above it, and the other issuers of a joint document)
/// in the left column, "Số:" and the place and date under the motto, as text extractors and OCR give them (columns side
/// by side on one line, or one after the other). Split from <see cref="PlanParser"/>.
/// </summary>
internal static class HeaderReader
{
    internal static (string? Parent, string? Issuer, string? Number, string? Place, DateOnly? IssuedOn, int? Year, List<string> CoIssuers,
        int? IssueMonth) Parse(List<string> header, List<string> warnings)
    {
        string? number = null, place = null;
        int? issueMonth = null;
        DateOnly? issuedOn = null;
        int? year = null;
        var orgLines = new List<string>();
        var coLines = new List<string>();
        var sawNumber = false;
        var sawDate = false;
        for (var li = 0; li < header.Count; li++)
        {
            var line = OcrHeader.StripLeadingJunk(header[li]).TrimEnd();
            if (line.Trim().Length == 0) continue;
            var collapsed = Collapse(line);
            var cols0 = Columns.Split(line.Trim()).ToList();
            // "Số:       KH/ THPT TL      Thành phố …": the number's own columns hold no lower-case letter.
            while (cols0.Count > 1 && NumberLine.Match(Collapse(cols0[0])) is { Success: true } nm0 && !IsMotto(cols0[1])
                   && (!cols0[1].Any(char.IsLower) || nm0.Groups["rest"].Value.Trim().Length == 0))
            {
                cols0[0] = cols0[0] + " " + cols0[1];
                cols0.RemoveAt(1);
            }
            var nm = NumberLine.Match(Collapse(cols0[0]));
            if (!nm.Success && !sawNumber && OcrHeader.NumberLine.Match(Collapse(cols0[0])) is { Success: true } ocrNo)
            {
                // "số: 813/HC-CNHC", "Sô, …": the number line as OCR reads it.
                sawNumber = true;
                number = OcrHeader.Number(ocrNo.Groups["rest"].Value);
                if (number is not null) warnings.Add(number.StartsWith('/')
                    ? $"Số văn bản không đọc được (viết tay / OCR), chỉ có ký hiệu {number} / Document number unreadable (handwritten / OCR); " +
                        $"only the symbol {number}."
                    : $"Số ký hiệu đọc qua OCR: {number} / Number read through OCR: {number}.");
                var rem = string.Join(' ', cols0.Skip(1));
                if (rem.Length > 0 && !sawDate) sawDate = ReadDateJoined(Collapse(rem), li);
                continue;
            }
            if (nm.Success && !sawNumber)
            {
                sawNumber = true;
                var rest = nm.Groups["rest"].Value;
                var tokens = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var k = 0;
                while (k < tokens.Length && !tokens[k].Any(char.IsLower)) k++;
                number = NormalizeNumber(NumberToken.Latin(string.Join(' ', tokens.Take(k))), warnings);
                if (number is not null && NumberToken.Continuation(number, header, li) is { } wrapped) number += wrapped;
                if (number is null && OcrHeader.Number(rest) is { } symbolOnly)
                {
                    // "Số: đ /CT-UBND": the handwritten number is unreadable, the symbol is there.
                    number = symbolOnly;
                    k = tokens.Length;
                    warnings.Add($"Số văn bản không đọc được (viết tay / OCR), đọc là {number} / Document number unreadable (handwritten / OCR); " +
                        $"read as {number}.");
                }
                var remainder = string.Join(' ', tokens.Skip(k).Concat(cols0.Skip(1)));
                if (remainder.Length > 0 && !sawDate) sawDate = ReadDateJoined(Collapse(remainder), li);
                continue;
            }
            if (!sawDate && collapsed.Contains("ngày", StringComparison.OrdinalIgnoreCase)
                && Regex.IsMatch(collapsed, @"ngày\s*(?:\d|\.|…|_|tháng|\s{0,3}$)|ngày\s*\S{1,4}\s+tháng", RegexOptions.IgnoreCase))
            {
                // A date column may share the line with an org column.
                foreach (var c in cols0)
                {
                    if (c.Contains("ngày", StringComparison.OrdinalIgnoreCase) || c.Contains("tháng", StringComparison.OrdinalIgnoreCase)
                        || c.Contains("năm", StringComparison.OrdinalIgnoreCase)) continue;
                    if (IsMostlyUpper(c) && !IsMotto(c) && !sawNumber) orgLines.Add(c.Trim());
                }
                var dc = cols0.FirstOrDefault(c => c.Contains("ngày", StringComparison.OrdinalIgnoreCase)) ?? collapsed;
                sawDate = ReadDateJoined(Collapse(dc), li);
                continue;
            }
            if (sawNumber) continue;
            // Issuer columns come before the motto; a joint document has two of them side by side.
            var orgCols = new List<string>();
            foreach (var c0 in cols0)
            {
                var c = c0.Trim();
                if (IsMotto(c)) break;
                if (c.Length == 0 || c.All(ch => ch is '_' or '-' or '=' or '—' or '–' or '*')) continue;
                if (IsMostlyUpper(c)) orgCols.Add(c);
                else break;
            }
            if (orgCols.Count >= 2 && !OrgHead.IsMatch(orgCols[1]) && coLines.Count == 0) { orgLines.Add(orgCols[0] + " " + orgCols[1]); continue; }
            if (orgCols.Count >= 1) orgLines.Add(orgCols[0]);
            if (orgCols.Count >= 2) coLines.Add(orgCols[1]);
        }

        // Group org lines: a line starting with a body word starts a new body; others continue it (place names).
        static List<string> Group(List<string> ls)
        {
            var orgs = new List<string>();
            foreach (var l in ls)
            {
                if (orgs.Count == 0 || OrgHead.IsMatch(l)) orgs.Add(l);
                else orgs[^1] += " " + l;
            }
            return orgs;
        }
        var orgs = Group(orgLines);
        string? issuer = orgs.Count > 0 ? OrgCase(orgs[^1]) : null;
        string? parent = orgs.Count > 1 ? OrgCase(string.Join(" ", orgs.Take(orgs.Count - 1))) : null;
        var co = Group(coLines);
        var coIssuers = co.Count > 0 ? new List<string> { OrgCase(co[^1]) } : [];
        if (coLines.Count == 0 && JointIssuerGrid.Split(orgLines) is { } grid)
        {
            // A joint document's issuers in a grid: the first is the issuer, the others its co-issuers; no governing body.
            (issuer, parent, coIssuers) = (OrgCase(grid[0]), null, grid.Skip(1).Select(OrgCase).ToList());
        }

        // The day OCR cannot read (handwritten): the e-signature box of the issuer itself dates the document.
        if (issuedOn is null && OcrHeader.SignedOn(header, issuer) is { } signed && (year is null || year == signed.Year)
            && (issueMonth is null || issueMonth == signed.Month))
        {
            issuedOn = signed;
            year ??= signed.Year;
            warnings.Add($"Ngày ban hành lấy từ chữ ký số của cơ quan ban hành: {signed:dd/MM/yyyy} / " +
                $"Issue date taken from the issuer's e-signature: {signed:dd/MM/yyyy}.");
        }
        if (number is null) warnings.Add("Thiếu số ký hiệu / Missing number.");
        if (place is null) warnings.Add("Thiếu địa danh / Missing place.");
        if (year is null) warnings.Add("Thiếu ngày ban hành / Missing issue date.");
        return (parent, issuer, number, place, issuedOn, year, coIssuers, issueMonth);

        // A date line may wrap ("…, ngày 05 tháng 3" / "năm 2024"): the next lines' date column is joined until a year shows.
        bool ReadDateJoined(string s, int at)
        {
            var text = s;
            for (var j = at + 1; j < header.Count && j <= at + 2 && !Regex.IsMatch(text, @"(?:19|20)\d\d"); j++)
            {
                var nx = Columns.Split(header[j].Trim());
                var part = nx.FirstOrDefault(c => Regex.IsMatch(c, @"năm|(?:19|20)\d\d|tháng")) ?? "";
                if (part.Length == 0) continue;
                text += " " + Collapse(part);
            }
            text = OcrHeader.FixDateDigits(text);
            var ok = DateLine.IsMatch(text);
            if (ok) ReadDate(text);
            return ok;
        }

        static bool IsMotto(string c) => Motto.IsMatch(c) || OcrHeader.Motto.IsMatch(c);

        void ReadDate(string s)
        {
            var dm = DateLine.Match(s);
            if (!dm.Success) return;
            var p = dm.Groups["place"].Value.Trim().TrimEnd(',').Trim();
            if (p.Length > 0) place = p;
            year = int.Parse(dm.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (dm.Groups["m"].Success && int.TryParse(dm.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var im)
                && im is >= 1 and <= 12) issueMonth = im;
            if (dm.Groups["d"].Success && dm.Groups["m"].Success)
            {
                var d = int.Parse(dm.Groups["d"].Value, CultureInfo.InvariantCulture);
                var m = int.Parse(dm.Groups["m"].Value, CultureInfo.InvariantCulture);
                // A month filled in by hand over the printed form, read with a stray digit beside it ("tháng 54"):
                // the first digit is the month written; said in the warnings, since it is a guess.
                if (m > 12 && dm.Groups["m"].Value.Length == 2 && dm.Groups["m"].Value[0] is >= '1' and <= '9')
                {
                    warnings.Add($"Tháng ban hành \"{m}\" không hợp lệ, đọc là {m / 10} (số viết tay lẫn ký tự) / Issue month \"{m}\" is invalid, " +
                        $"read as {m / 10} (handwritten digit with a stray character).");
                    m /= 10;
                    issueMonth = m;
                }
                if (m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year.Value, m)) issuedOn = new DateOnly(year.Value, m, d);
                else warnings.Add($"Ngày ban hành không hợp lệ: {d}/{m}/{year} / Invalid issue date: {d}/{m}/{year}.");
            }
            else warnings.Add($"Ngày, tháng ban hành để trống (năm {year}) / Issue day and month left blank (year {year}).");
        }
    }

    private static string? NormalizeNumber(string raw, List<string> warnings)
    {
        var s = Regex.Replace(Collapse(raw), @"\s*/\s*", "/");
        s = Regex.Replace(s, @"\s*-\s*", "-");
        if (s.Length == 0) return null;
        var typo = Regex.Match(s, @"^(?<type>\p{Lu}{1,5})/(?<rest>\p{Lu}.*)$");
        if (typo.Success)
        {
            var fixedNo = "/" + typo.Groups["type"].Value + "-" + typo.Groups["rest"].Value;
            warnings.Add($"Số ký hiệu \"{raw.Trim()}\" viết sai, đọc là \"{fixedNo}\" / Number \"{raw.Trim()}\" is mistyped; read as \"{fixedNo}\".");
            s = fixedNo;
        }
        if (s.StartsWith('/')) warnings.Add($"Số văn bản để trống ({s}) / Document number left blank ({s}).");
        return s;
    }
}
