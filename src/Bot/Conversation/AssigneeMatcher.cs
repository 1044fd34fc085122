using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.People;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Resolves a plan's assignee ("Thầy Nguyễn Tất Thành – Phó hiệu trưởng") to a tenant member: by name with
/// <see cref="PersonNameMatcher"/> (exact, else one diacritic slip per syllable: "Ngô Tân Hưng" finds "Ngô Tấn Hưng"),
/// then the same syllables in another order,
/// else by title when exactly one member holds it (job title). Ambiguous or unknown → unresolved, with candidates ranked
/// for the import preview's picker.
/// </summary>
public static class AssigneeMatcher
{
    public static Member? Resolve(Assignee assignee, IReadOnlyList<Member> members)
    {
        if (!string.IsNullOrWhiteSpace(assignee.Name))
        {
            // The shared person-name matcher of src/Plans: exact first, then one diacritic slip per syllable.
            var byName = PersonNameMatcher.FindBest(assignee.Name, members, m => m.DisplayName);
            if (byName is not null) return byName;
            // Directory names may put the given name first ("Hưng Ngô Tấn"): same syllables in any order.
            var want = Words(assignee.Name);
            var reordered = members.Where(m => Words(m.DisplayName).SetEquals(want)).ToList();
            if (reordered.Count == 1) return reordered[0];
        }
        if (!string.IsNullOrWhiteSpace(assignee.Title))
        {
            var title = TextCommands.Fold(assignee.Title);
            var byTitle = members.Where(m => TextCommands.Fold(m.JobTitle) == title).ToList();
            if (byTitle.Count == 1 && string.IsNullOrWhiteSpace(assignee.Name)) return byTitle[0];
            // A named assignee whose name is not among the members but whose title is unique: accept the title holder
            // only if no member shares any word of the name (otherwise the picker decides).
            if (byTitle.Count == 1 && !string.IsNullOrWhiteSpace(assignee.Name))
            {
                var nameWords = Words(assignee.Name);
                if (Words(byTitle[0].DisplayName).Overlaps(nameWords)) return byTitle[0];
            }
        }
        return null;
    }

    /// <summary>Members ordered by likeness to the assignee (shared words of name/title/unit), then by name.</summary>
    public static IReadOnlyList<Member> Rank(Assignee assignee, IReadOnlyList<Member> members)
    {
        var want = Words($"{assignee.Name} {assignee.Title} {assignee.Unit}");
        return members
            .Select(m => (m, score: Words($"{m.DisplayName} {m.JobTitle}").Count(want.Contains)))
            .OrderByDescending(x => x.score).ThenBy(x => x.m.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true))
            .Select(x => x.m).ToList();
    }

    private static HashSet<string> Words(string? s) =>
        TextCommands.Fold(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
