using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// Matches an assignee read as units (<see cref="Assignee.Target"/>) to the tenant's unit directory: a named unit → that
/// unit (same name, diacritics and case aside); a set → every unit of its kinds below the issuer (every unit when the set
/// names no kind). Each unit becomes its own assignee, resolved to the unit's head; the printed words stay in
/// <see cref="UnitSelector.Text"/> so the preview can show "các trường THPT → 20 đơn vị".
/// </summary>
internal static class UnitExpansion
{
    public sealed record Expanded(Assignee Assignee, string? MemberAadObjectId, string? UnitCode);

    public static IReadOnlyList<Expanded> Expand(Assignee assignee, IReadOnlyList<Unit> directory, string? issuer)
    {
        ArgumentNullException.ThrowIfNull(assignee);
        ArgumentNullException.ThrowIfNull(directory);
        if (assignee.Target is not { IsUnits: true } target || directory.Count == 0) return [new Expanded(assignee, null, null)];
        var under = Below(directory, Root(directory, issuer));
        var result = new List<Expanded>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selector in target.Units)
        {
            var matched = selector.IsSet
                ? under.Where(u => selector.Kinds.Count == 0 || selector.Kinds.Contains(u.Kind))
                : directory.Where(u => UnitKinds.FoldForm(u.Name) == UnitKinds.FoldForm(selector.Name!)).Take(1);
            foreach (var unit in matched.Where(u => seen.Add(u.Code)))
                result.Add(new Expanded(
                    assignee with
                    {
                        Unit = unit.Name,
                        Target = new AssigneeTarget(AssigneeKind.Unit, [new UnitSelector(unit.Code, [unit.Kind]) { Text = selector.Text }]),
                    },
                    unit.Head?.AadObjectId, unit.Code));
        }
        return result.Count > 0 ? result : [new Expanded(assignee, null, null)];
    }

    /// <summary>The unit code of an assignee made by <see cref="Expand"/>; null for anything else.</summary>
    public static string? UnitCodeOf(Assignee assignee) => UnitAssignees.CodeOf(assignee);

    /// <summary>The issuer's unit: the only top unit, else the one whose name the issuer line carries; null when unknown.</summary>
    private static Unit? Root(IReadOnlyList<Unit> directory, string? issuer)
    {
        var codes = directory.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var tops = directory.Where(u => u.ParentCode is null || !codes.Contains(u.ParentCode)).ToList();
        if (issuer is { Length: > 0 })
        {
            var f = UnitKinds.FoldForm(issuer);
            var named = directory.Where(u => f.Contains(UnitKinds.FoldForm(u.Name), StringComparison.Ordinal)
                || UnitKinds.FoldForm(u.Name).Contains(f, StringComparison.Ordinal)).ToList();
            if (named.Count == 1) return named[0];
        }
        return tops.Count == 1 ? tops[0] : null;
    }

    private static List<Unit> Below(IReadOnlyList<Unit> directory, Unit? root)
    {
        if (root is null) return directory.ToList();
        var children = directory.Where(u => u.ParentCode is not null).ToLookup(u => u.ParentCode!, StringComparer.Ordinal);
        var list = new List<Unit>();
        var queue = new Queue<string>([root.Code]);
        var visited = new HashSet<string>(StringComparer.Ordinal) { root.Code };
        while (queue.Count > 0)
            foreach (var c in children[queue.Dequeue()])
                if (visited.Add(c.Code)) { list.Add(c); queue.Enqueue(c.Code); }
        return list.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }
}
