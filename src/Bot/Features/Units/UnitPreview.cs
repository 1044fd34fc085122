using TeamsPlans.Bot.Features.Import;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// The lines the import preview shows above the assignments when a plan gives duties to units: each printed set with the
/// number of units it became ("các trường THPT → 20 đơn vị") and the first unit names (the assignments below list every
/// unit, paged by the card's size cap, each with its own picker when the head is unknown).
/// </summary>
internal static class UnitPreview
{
    public static PreviewNotes WithExpansion(PreviewNotes notes, IReadOnlyList<AssignmentRecord> assignments, CardView view)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var groups = assignments.Where(a => UnitExpansion.UnitCodeOf(a.Assignee) is not null)
            .GroupBy(a => (a.Assignee.Target!.Units[0].Text, a.Duty))
            .ToList();
        if (groups.Count == 0) return notes;
        var t = UnitTexts.For(view);
        var lines = new List<CardElement> { new TextBlock(t.Heading) { Weight = "bolder" } };
        foreach (var g in groups.GroupBy(g => g.Key.Text).Select(x => x.First()))
        {
            var names = string.Join(", ", g.Take(5).Select(a => a.Assignee.Unit)) + (g.Count() > 5 ? ", …" : "");
            lines.Add(new TextBlock(t.Expansion(g.Key.Text, g.Count())) { Spacing = "none" });
            lines.Add(new TextBlock(names) { Spacing = "none", IsSubtle = true, Size = "small" });
        }
        var noHead = assignments.Count(a => UnitExpansion.UnitCodeOf(a.Assignee) is not null && a.MemberAadObjectId is null);
        if (noHead > 0) lines.Add(new TextBlock(t.NoHead(noHead)) { Color = "warning" });
        return notes with { Header = [.. notes.Header, .. lines] };
    }
}
