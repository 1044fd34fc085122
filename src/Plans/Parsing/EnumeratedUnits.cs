using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Local governments listed by name after their level: "giao … UBND các phường: Yên Bái, Văn Phú tăng cường …" → one
/// assignment for "UBND phường Yên Bái" and one for "UBND phường Văn Phú", the same duty. A list of names with no duty
/// after it ("UBND các phường: Yên Bái, Văn Phú, Âu Lâu.") names addressees, not an assignment. Only single
/// administrative levels whose names are capitalised words (phường, xã, huyện, quận, thị xã, thành phố).
/// </summary>
internal static class EnumeratedUnits
{
    private static readonly Regex Listed = R(@"^(?<head>.*?\S)\s+các\s+(?<level>phường|xã|huyện|quận|thị\s+xã|thành\s+phố)\s*$");
    private const string NameWords = @"\p{Lu}[\p{L}\d]*(?:\s+\p{Lu}[\p{L}\d]*)*";
    private static readonly Regex Names = R(@"^\s*:?\s*(?<names>" + NameWords + @"(?:\s*(?:,|và)\s*" + NameWords + @")*)(?<rest>.*)$");
    private static readonly Regex NameSplit = R(@"\s*(?:,|\s và\s)\s*");

    public static List<Assignment> Expand(List<Assignment> list)
    {
        var result = new List<Assignment>(list.Count);
        foreach (var a in list)
        {
            if (a.Assignee is not { Name: null, Title: null, Unit: { } unit } || Listed.Match(unit.Trim()) is not { Success: true } l
                || !ColonAfter(a.Source, unit) || LeadingNames(a) is not { } names)
            {
                result.Add(a);
                continue;
            }
            var rest = names.Tail.Trim().TrimStart(',', ':', ';', '-', '–').Trim();
            if (rest.Trim('.', '/', ' ').Length == 0) continue;
            var level = Collapse(l.Groups["level"].Value);
            foreach (var n in names.List)
                result.Add(a with { Assignee = a.Assignee with { Unit = $"{l.Groups["head"].Value} {level} {n}" }, Duty = CapitalizeFirst(rest) });
        }
        return result;
    }

    /// <summary>The source prints the level with a colon after it ("UBND các phường: …"): the names follow.</summary>
    private static bool ColonAfter(string? source, string unit)
    {
        if (source is null) return false;
        var at = source.IndexOf(unit, StringComparison.Ordinal);
        if (at < 0) return false;
        var k = at + unit.Length;
        while (k < source.Length && source[k] == ' ') k++;
        return k < source.Length && source[k] == ':';
    }

    /// <summary>The names at the start of the duty ("Yên Bái, Văn Phú tăng cường …"), as printed after the colon.</summary>
    private static (List<string> List, string Tail)? LeadingNames(Assignment a)
    {
        var duty = a.Duty;
        // The duty may be the whole sentence: read the names after the unit's "các <level>:".
        var at = duty.IndexOf(a.Assignee.Unit!, StringComparison.Ordinal);
        if (at >= 0) duty = duty[(at + a.Assignee.Unit!.Length)..];
        var m = Names.Match(duty);
        if (!m.Success) return null;
        var list = NameSplit.Split(m.Groups["names"].Value).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        return list.Count == 0 ? null : (list, m.Groups["rest"].Value);
    }
}
