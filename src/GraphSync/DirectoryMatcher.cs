using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.People;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Matches an assignee against a user list: a person by name (honorifics dropped; typed without diacritics it matches
/// every name that folds to it; typed with diacritics the exact spelling wins, else src/Plans' PersonNameMatcher tolerance), a role by job title (every holder), a unit by
/// department (every member). Nothing is guessed: none → Unresolved, several people for one name → Ambiguous.
/// </summary>
public static class DirectoryMatcher
{
    public static AssigneeResolution Match(IReadOnlyList<DirectoryUser> users, Assignee a, Func<string, IReadOnlyList<DirectoryUser>>? groupMembers = null)
    {
        var query = a.Display;
        if (!string.IsNullOrWhiteSpace(a.Name))
        {
            var name = PersonNameMatcher.Clean(a.Name);
            List<DirectoryUser> matches;
            if (NameFolding.HasDiacritics(name))
            {
                // Written with diacritics: the exact spelling first, then PersonNameMatcher's tolerance (one mark per syllable).
                matches = users.Where(u => SameTokens(PersonNameMatcher.Clean(u.DisplayName), name)).ToList();
                if (matches.Count == 0) matches = users.Where(u => PersonNameMatcher.SameName(u.DisplayName, name)).ToList();
            }
            else
            {
                // Typed without diacritics: every name that folds to it ("nguyen van hieu" = Hiếu, Hiểu, Hiệu…).
                var tokens = NameFolding.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();
                matches = users.Where(u => NameFolding.Fold(PersonNameMatcher.Clean(u.DisplayName)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Order().SequenceEqual(tokens)).ToList();
            }
            if (matches.Count > 1 && (a.Title ?? a.Unit) is { } hint)
            {
                var h = NameFolding.Fold(hint);
                var narrowed = matches.Where(u => NameFolding.Fold(u.JobTitle) == h || NameFolding.Fold(u.Department) == h).ToList();
                if (narrowed.Count >= 1) matches = narrowed;
            }
            return matches.Count switch
            {
                1 => Resolved(query, matches),
                0 => Unresolved(query),
                _ => new AssigneeResolution(query, ResolutionStatus.Ambiguous, [], matches,
                    $"\"{query}\" khớp với {matches.Count} người ({string.Join(", ", matches.Select(m => m.DisplayName + (m.Department is null ? "" : " – " + m.Department)))}); hãy chọn đúng người.",
                    $"\"{query}\" matches {matches.Count} people ({string.Join(", ", matches.Select(m => m.DisplayName))}); choose the right one."),
            };
        }
        IEnumerable<DirectoryUser> pool = users;
        var any = false;
        if (!string.IsNullOrWhiteSpace(a.Unit))
        {
            var u = NameFolding.Fold(a.Unit);
            pool = pool.Where(x => NameFolding.Fold(x.Department) == u);
            any = true;
        }
        if (!string.IsNullOrWhiteSpace(a.Title))
        {
            var t = NameFolding.Fold(a.Title);
            var byTitle = pool.Where(x => NameFolding.Fold(x.JobTitle) == t).ToList();
            if (byTitle.Count == 0 && groupMembers is not null)
            {
                var members = groupMembers(a.Title);
                byTitle = members.Count > 0 && any ? members.Where(m => pool.Any(p => p.Id == m.Id)).ToList() : members.ToList();
            }
            return byTitle.Count > 0 ? Resolved(query, byTitle) : Unresolved(query);
        }
        var list = any ? pool.ToList() : [];
        return list.Count > 0 ? Resolved(query, list) : Unresolved(query);
    }

    static bool SameTokens(string a, string b) =>
        a.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Order()
            .SequenceEqual(b.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Order());

    static AssigneeResolution Resolved(string q, IReadOnlyList<DirectoryUser> users) => new(q, ResolutionStatus.Resolved, users, [], null, null);

    static AssigneeResolution Unresolved(string q) => new(q, ResolutionStatus.Unresolved, [], [],
        $"Không tìm thấy \"{q}\" trong danh bạ của trường; hãy gán người thực hiện thủ công.",
        $"\"{q}\" was not found in the school directory; assign someone manually.");
}
