using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>The answer to a unit list: how many units were read and stored, then each bad row with its line and reason.</summary>
internal static class UnitListCards
{
    public static AdaptiveCard Result(string fileName, UnitImportResult result, CardView v)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = UnitListTexts.For(v);
        var english = !TextTable.IsVietnamese(v.S.Lang);
        var lines = new List<string> { result.Units.Count > 0 ? t.Stored(result.Units.Count) : t.NothingStored };
        if (result.Problems.Count > 0) lines.Add(t.Problems);
        lines.AddRange(result.Problems.Select(p => "• " + p.Text(english)));
        var color = result.Units.Count == 0 ? "attention" : result.Problems.Any(p => !p.RowKept) ? "warning" : "good";
        return PlanCards.Notice(t.Title(DueFormat.Truncate(fileName, 120), result.Summary(english)), lines, v, color);
    }

    /// <summary>A file that is a unit list by its name and header but cannot be read (damaged, too large).</summary>
    public static AdaptiveCard Unreadable(string fileName, string reason, CardView v) =>
        PlanCards.Notice(UnitListTexts.For(v).Unreadable(DueFormat.Truncate(fileName, 120)), [reason], v, "attention");
}
