using System.Globalization;
using System.Text;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Tests.Corpus;

/// <summary>For artifacts/corpus-diff.md: each field under 1, the label's value beside the parser's.</summary>
public static class CorpusDiff
{
    public static void Append(StringBuilder sb, CorpusLabel l, PlanDocument p, CorpusScorer.Score s)
    {
        var bad = CorpusScorer.Fields.Where(f => s.Fields[f] < 1).ToList();
        if (bad.Count == 0) return;
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"## {l.File} ({s.Mean:0.00})");
        var e = l.Expected;
        foreach (var f in bad)
        {
            sb.AppendLine(inv, $"- **{f}** {s.Fields[f]:0.00}");
            var (exp, got) = f switch
            {
                "number" => (e.Number ?? "null", p.Number ?? "null"),
                "issuer" => (string.Join(" + ", new[] { e.Issuer ?? "null" }.Concat(e.CoIssuers)), string.Join(" + ", new[] { p.Issuer ?? "null" }.Concat(p.CoIssuers))),
                "issuedOn" => (e.IssuedOn ?? "null", p.IssuedOn?.ToString("yyyy-MM-dd", inv) ?? "null"),
                "title" => (e.Title ?? "", p.Title),
                "legalBases" => (string.Join("\n    ", e.LegalBases.Select(b => $"{b.Number} | {b.Text}")), string.Join("\n    ", p.LegalBases.Select(b => $"{b.Number} | {Cut(b.Text)}"))),
                "assignments" => (string.Join("\n    ", e.Assignments.Select(a => $"{a.Assignee} :: {a.Duty}")),
                    string.Join("\n    ", p.Assignments.Select(a => $"{a.Assignee.Title}/{a.Assignee.Name}/{a.Assignee.Unit} :: {Cut(a.Duty)}"))),
                "deadlines" => (string.Join("\n    ", e.Deadlines.Select(d => $"{d.Due} {d.Recurrence} {d.What}")), string.Join("\n    ", p.Deadlines.Select(d => $"{d.Due} {CorpusScorer.RecurrenceName(d.Recurrence)} {Cut(d.What)}"))),
                "recipients" => (string.Join(" ; ", e.Recipients), string.Join(" ; ", p.Recipients.Select(r => r.Name))),
                "signers" => (string.Join(" ; ", e.Signers.Select(x => $"{x.Name} ({x.Title})")), string.Join(" ; ", (p.Signers.Count > 0 ? p.Signers : p.Signer is null ? [] : [p.Signer]).Select(x => $"{x.Name} ({x.Title})"))),
                _ => ("", "")
            };
            sb.AppendLine("  - expected:\n    " + exp);
            sb.AppendLine("  - parsed:\n    " + got);
        }
        sb.AppendLine();
    }

    private static string Cut(string s) => s.Length > 110 ? s[..110] + "…" : s;
}
