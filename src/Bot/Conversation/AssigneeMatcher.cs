using System.Text;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Resolves a plan's assignee ("Thầy Nguyễn Tất Thành – Phó hiệu trưởng") to a tenant member: by name (words compared
/// without case and diacritics, in any order, so "Ngô Tân Hưng" finds "Ngô Tấn Hưng"; an exact-diacritics match wins a tie),
/// else by title when exactly one member holds it (job title). Ambiguous or unknown → unresolved, with candidates ranked
/// for the import preview's picker.
/// </summary>
public static class AssigneeMatcher
{
    public static Member? Resolve(Assignee assignee, IReadOnlyList<Member> members)
    {
        if (!string.IsNullOrWhiteSpace(assignee.Name))
        {
            var want = Words(assignee.Name);
            var byName = members.Where(m => Words(m.DisplayName).SetEquals(want)).ToList();
            if (byName.Count == 1) return byName[0];
            if (byName.Count > 1)
            {
                var exact = byName.Where(m => string.Equals(m.DisplayName.Normalize(NormalizationForm.FormC).Trim(),
                    assignee.Name.Normalize(NormalizationForm.FormC).Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
                return exact.Count == 1 ? exact[0] : null;
            }
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
