using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.People;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Matches an assignee against a user list with the domain's one rule (<see cref="AssigneeResolver"/>, shared with
/// Teams): a person by name, a job title's sole holder (several holders → Ambiguous: the task stays unassigned until
/// someone is chosen in Teams), a unit by department (every member), a role group by name (every member). Adds the
/// bilingual messages the sync report shows.
/// </summary>
internal static class DirectoryMatcher
{
    public static AssigneeResolution Match(
        IReadOnlyList<DirectoryUser> users, Assignee a, Func<string, IReadOnlyList<DirectoryUser>>? groupMembers = null)
    {
        var query = a.Display;
        var role = string.IsNullOrWhiteSpace(a.Name) ? a.Title ?? a.Unit : null;
        var group = groupMembers is not null && !string.IsNullOrWhiteSpace(role) ? groupMembers(role) : null;
        var m = AssigneeResolver.Resolve(a, users, Facts, group);
        return m.Kind switch
        {
            AssigneeMatchKind.Person or AssigneeMatchKind.Unit => new AssigneeResolution(query, ResolutionStatus.Resolved, m.People, [], null, null),
            AssigneeMatchKind.Ambiguous => new AssigneeResolution(query, ResolutionStatus.Ambiguous, [], m.People,
                $"\"{query}\" khớp với {m.People.Count} người ({string.Join(", ", m.People.Select(WithDepartment))}); hãy chọn đúng người.",
                $"\"{query}\" matches {m.People.Count} people ({string.Join(", ", m.People.Select(p => p.DisplayName))}); choose the right one."),
            _ => new AssigneeResolution(query, ResolutionStatus.Unresolved, [], [],
                $"Không tìm thấy \"{query}\" trong danh bạ của trường; hãy gán người thực hiện thủ công.",
                $"\"{query}\" was not found in the school directory; assign someone manually."),
        };
    }

    /// <summary>What the domain resolver reads of a directory user.</summary>
    public static PersonFacts Facts(DirectoryUser u) => new(u.DisplayName, u.JobTitle, u.Department);

    static string WithDepartment(DirectoryUser u) => u.DisplayName + (u.Department is null ? "" : " – " + u.Department);
}
