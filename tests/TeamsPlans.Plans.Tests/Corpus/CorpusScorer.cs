using System.Globalization;
using System.Text;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Tests.Corpus;

/// <summary>
/// Scores a parsed plan against its label, field by field, exactly as CORPUS-SCHEMA.md says: text is folded (case,
/// diacritics, whitespace); number, issuer(+coIssuers), issuedOn by equality; title by word overlap (F1 of the folded
/// word sets); legal bases, assignments, deadlines, recipients and signers as F1 over one-to-one matches. An empty
/// expected list against an empty parsed list scores 1; a missing scalar against a missing scalar scores 1.
/// </summary>
public static class CorpusScorer
{
    public static readonly string[] Fields = ["number", "issuer", "issuedOn", "title", "legalBases", "assignments", "deadlines", "recipients", "signers"];

    public sealed record Score(IReadOnlyDictionary<string, double> Fields, string? Error)
    {
        public double Mean => Fields.Values.Average();
    }

    /// <summary>A document that could not be read scores 0 on every field.</summary>
    public static Score Failed(string error) => new(Fields.ToDictionary(f => f, _ => 0.0), error);

    public static Score Rate(ExpectedFields e, PlanDocument p)
    {
        var s = new Dictionary<string, double>
        {
            ["number"] = Scalar(e.Number is null ? null : NormNumber(e.Number), p.Number is null ? null : NormNumber(p.Number)),
            ["issuer"] = F1(Issuers(e.Issuer, e.CoIssuers), Issuers(p.Issuer, p.CoIssuers), (a, b) => a == b),
            ["issuedOn"] = Scalar(e.IssuedOn, p.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ["title"] = TitleOverlap(e.Title, p.Title),
            ["legalBases"] = F1(e.LegalBases, p.LegalBases, BasisMatches),
            ["assignments"] = F1(e.Assignments, p.Assignments, AssignmentMatches),
            ["deadlines"] = F1(e.Deadlines.Select(d => (d.Due, Rec: d.Recurrence ?? "")).ToList(),
                p.Deadlines.Select(d => (Due: d.Due.ToString(), Rec: RecurrenceName(d.Recurrence))).ToList(), (a, b) => a == b),
            ["recipients"] = F1(e.Recipients.Select(Fold).ToList(),
                p.Recipients.Where(r => r.Purpose != "Lưu" && !Fold(r.Name).StartsWith("luu", StringComparison.Ordinal)).Select(r => Fold(r.Name)).ToList(), (a, b) => a == b),
            ["signers"] = F1(e.Signers.Select(x => Fold(x.Name)).ToList(),
                (p.Signers.Count > 0 ? p.Signers : p.Signer is null ? [] : [p.Signer]).Select(x => Fold(x.Name)).ToList(), (a, b) => a == b),
        };
        return new Score(s, null);
    }

    public static string RecurrenceName(Recurrence? r) => r switch
    {
        Recurrence.Yearly => "yearly",
        Recurrence.Semiannual => "semiannual",
        Recurrence.Quarterly => "quarterly",
        Recurrence.Monthly => "monthly",
        _ => ""
    };

    private static List<string> Issuers(string? issuer, IEnumerable<string> co)
    {
        var l = new List<string>();
        if (!string.IsNullOrWhiteSpace(issuer)) l.Add(Fold(issuer));
        l.AddRange(co.Where(c => !string.IsNullOrWhiteSpace(c)).Select(Fold));
        return l;
    }

    /// <summary>Folded: lower case, no diacritics (đ → d), one space between words, trimmed.</summary>
    public static string Fold(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return "";
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        var space = false;
        foreach (var c0 in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c0) == UnicodeCategory.NonSpacingMark) continue;
            var c = c0 switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c0) };
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>"Số:230 /KH - SGDĐT" → "230/kh-sgddt": folded, spaces around "/" and "-" removed.</summary>
    public static string NormNumber(string s)
    {
        var f = Fold(s);
        var sb = new StringBuilder();
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == ' ' && ((i > 0 && f[i - 1] is '/' or '-') || (i + 1 < f.Length && f[i + 1] is '/' or '-'))) continue;
            sb.Append(f[i]);
        }
        return sb.ToString();
    }

    private static double Scalar(string? expected, string? parsed)
    {
        if (string.IsNullOrWhiteSpace(expected) && string.IsNullOrWhiteSpace(parsed)) return 1;
        if (string.IsNullOrWhiteSpace(expected) || string.IsNullOrWhiteSpace(parsed)) return 0;
        return Fold(expected) == Fold(parsed) ? 1 : 0;
    }

    private static string[] Words(string? s) =>
        Fold(s).Split([' ', ',', '.', ';', ':', '(', ')', '"', '“', '”', '\''], StringSplitOptions.RemoveEmptyEntries);

    private static double TitleOverlap(string? expected, string? parsed)
    {
        var e = Words(expected).ToHashSet();
        var p = Words(parsed).ToHashSet();
        if (e.Count == 0 && p.Count == 0) return 1;
        if (e.Count == 0 || p.Count == 0) return 0;
        var common = e.Intersect(p).Count();
        if (common == 0) return 0;
        double precision = (double)common / p.Count, recall = (double)common / e.Count;
        return 2 * precision * recall / (precision + recall);
    }

    private static bool BasisMatches(ExpectedBasis e, LegalBasis p)
    {
        if (!string.IsNullOrWhiteSpace(e.Number))
            return p.Number is not null && NormNumber(e.Number) == NormNumber(p.Number);
        // A basis without a number: its first words (up to four) appear in the parsed text.
        var first = string.Join(' ', Words(e.Text).Take(4));
        return first.Length > 0 && string.Join(' ', Words(p.Text)).Contains(first, StringComparison.Ordinal);
    }

    private static bool AssignmentMatches(ExpectedAssignment e, Assignment p)
    {
        var ea = Fold(e.Assignee);
        if (ea.Length == 0) return false;
        var whole = Fold(string.Join(' ', new[] { p.Assignee.Title, p.Assignee.Name, p.Assignee.Unit }.Where(x => !string.IsNullOrWhiteSpace(x))));
        var name = Fold(p.Assignee.Name);
        static bool Either(string a, string b) => a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));
        if (!Either(ea, name) && !Either(ea, whole)) return false;
        var five = string.Join(' ', Words(e.Duty).Take(5));
        return five.Length == 0 || (" " + string.Join(' ', Words(p.Duty)) + " ").Contains(" " + five + " ", StringComparison.Ordinal);
    }

    /// <summary>F1 over a one-to-one matching (each parsed item matches at most one expected item, greedily in order).</summary>
    public static double F1<TE, TP>(IReadOnlyList<TE> expected, IReadOnlyList<TP> parsed, Func<TE, TP, bool> matches)
    {
        if (expected.Count == 0 && parsed.Count == 0) return 1;
        if (expected.Count == 0 || parsed.Count == 0) return 0;
        var used = new bool[parsed.Count];
        var hit = 0;
        foreach (var e in expected)
        {
            for (var j = 0; j < parsed.Count; j++)
            {
                if (used[j] || !matches(e, parsed[j])) continue;
                used[j] = true;
                hit++;
                break;
            }
        }
        if (hit == 0) return 0;
        double precision = (double)hit / parsed.Count, recall = (double)hit / expected.Count;
        return 2 * precision * recall / (precision + recall);
    }
}
