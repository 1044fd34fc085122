using TeamsPlans.Bot.Features.Rollup;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.UnitRollup;

/// <summary>
/// What follows "tổng hợp đơn vị" for the unit roll-up: the kinds to show ("THPT", "trường THCS", "TT GDTX", "mầm non"),
/// the parent unit ("thuộc PGD01" / "under PGD01"), then, as for the tenant roll-up, a plan number and a year
/// ("tổng hợp đơn vị THCS thuộc PGD01 245/KH-PGDĐT 2023"). Words of a plan number (those from the first "/" on) are never
/// read as kinds.
/// </summary>
internal sealed record UnitRollupArgument(string? Number, int? Year, UnitRollupFilter Filter)
{
    private static readonly string[] ParentWords = ["thuoc", "truc thuoc", "under", "parent", "cap tren"];

    public static UnitRollupArgument Parse(string? argument)
    {
        var words = (argument ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var numberAt = words.FindIndex(w => w.Contains('/', StringComparison.Ordinal));
        var head = numberAt < 0 ? words : words.Take(numberAt).ToList();
        var kinds = new List<UnitKind>();
        string? parent = null;
        var rest = new List<string>();
        for (var i = 0; i < head.Count; i++)
        {
            var w = head[i].Trim(',', ';', '.', '?');
            var two = i + 1 < head.Count ? w + " " + head[i + 1].Trim(',', ';', '.', '?') : null;
            if (two is not null && ParentWords.Contains(UnitKinds.FoldForm(two)) && i + 2 < head.Count)
            {
                parent = Unit.NormalizeCode(head[i + 2]);
                i += 2;
                continue;
            }
            if (ParentWords.Contains(UnitKinds.FoldForm(w)) && i + 1 < head.Count) { parent = Unit.NormalizeCode(head[i + 1]); i++; continue; }
            if (two is not null && UnitKinds.Parse(two) is { } k2 && !char.IsDigit(w[0])) { kinds.Add(k2); i++; continue; }
            if (w.Length > 1 && !char.IsDigit(w[0]) && UnitKinds.Parse(w) is { } k && IsKindWord(w)) { kinds.Add(k); continue; }
            rest.Add(head[i]);
        }
        if (numberAt >= 0) rest.AddRange(words.Skip(numberAt));
        var (number, year) = RollupArgument.Parse(string.Join(' ', rest));
        return new UnitRollupArgument(number, year, new UnitRollupFilter(kinds.Distinct().ToList(), parent));
    }

    // Single words that name a kind only as abbreviations or names, not everyday words of a question ("phòng", "xã", "tổ"
    // alone are read as kinds only in their two-word forms).
    private static bool IsKindWord(string w) =>
        UnitKinds.FoldForm(w) is not ("phong" or "xa" or "phuong" or "to" or "so" or "van phong" or "khac" or "other");
}
