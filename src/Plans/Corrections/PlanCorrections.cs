using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Corrections;

/// <summary>
/// Compares a published plan's assignments with those of its revised document ("điều chỉnh, bổ sung", or the same
/// number read again). Pairs are found in three passes: the same assignee and the same duty (folded: diacritics,
/// case, spacing and the numbers of dates written in the duty do not count) — unchanged or redated; then the same
/// assignee and a duty sharing at least half of its words — reworded; whatever is left is removed (published side) or
/// added (revised side). A duty handed to another
/// assignee is therefore one removal and one addition. Deadlines compare by due date and recurrence, in order.
/// </summary>
public static class PlanCorrections
{
    public const double RewordedOverlap = 0.5;

    public static PlanCorrection Compare(IReadOnlyList<Assignment> published, IReadOnlyList<Assignment> revised)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(revised);
        var pairs = new Dictionary<int, int>();
        var taken = new HashSet<int>();
        void Pass(Func<Assignment, Assignment, bool> same)
        {
            for (var i = 0; i < published.Count; i++)
            {
                if (pairs.ContainsKey(i)) continue;
                for (var j = 0; j < revised.Count; j++)
                    if (!taken.Contains(j) && same(published[i], revised[j])) { pairs[i] = j; taken.Add(j); break; }
            }
        }
        Pass((a, b) => SameAssignee(a, b) && Core(a.Duty) == Core(b.Duty));
        Pass((a, b) => SameAssignee(a, b) && Overlap(a.Duty, b.Duty) >= RewordedOverlap);

        var changes = new List<AssignmentDiff>();
        for (var i = 0; i < published.Count; i++)
        {
            if (!pairs.TryGetValue(i, out var j)) { changes.Add(new AssignmentDiff(AssignmentChangeKind.Removed, i, null)); continue; }
            var moved = Moved(published[i].Deadlines, revised[j].Deadlines);
            var kind = Core(published[i].Duty) != Core(revised[j].Duty) ? AssignmentChangeKind.Reworded
                : moved.Count > 0 ? AssignmentChangeKind.Redated : AssignmentChangeKind.Unchanged;
            changes.Add(new AssignmentDiff(kind, i, j) { MovedDeadlines = moved });
        }
        for (var j = 0; j < revised.Count; j++)
            if (!taken.Contains(j)) changes.Add(new AssignmentDiff(AssignmentChangeKind.Added, null, j));
        return new PlanCorrection(changes);
    }

    /// <summary>The duty's words, folded, without its numbers: a duty whose text only carries a moved date is not re-worded.</summary>
    private static string Core(string duty) =>
        string.Join(' ', VietText.FoldWords(duty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.All(char.IsDigit)));

    private static bool SameAssignee(Assignment a, Assignment b) =>
        VietText.FoldWords(a.Assignee.Display) == VietText.FoldWords(b.Assignee.Display);

    /// <summary>Shared words over the words of the longer duty.</summary>
    private static double Overlap(string a, string b)
    {
        var wa = VietText.FoldWords(a).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var wb = VietText.FoldWords(b).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (wa.Count == 0 || wb.Count == 0) return 0;
        return (double)wa.Intersect(wb).Count() / Math.Max(wa.Count, wb.Count);
    }

    private static List<(Deadline? From, Deadline? To)> Moved(IReadOnlyList<Deadline> before, IReadOnlyList<Deadline> after)
    {
        var moved = new List<(Deadline?, Deadline?)>();
        for (var k = 0; k < Math.Max(before.Count, after.Count); k++)
        {
            var from = k < before.Count ? before[k] : null;
            var to = k < after.Count ? after[k] : null;
            if (from is null || to is null || from.Due != to.Due || from.Recurrence != to.Recurrence) moved.Add((from, to));
        }
        return moved;
    }
}
