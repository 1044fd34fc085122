using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.People;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Teams' side of the domain's one assignee rule (<see cref="AssigneeResolver"/>, shared with Planner): an assignment
/// card has one owner, so an assignee resolves to the member the rule finds when it finds exactly one (a person by name,
/// a job title's sole holder, a unit of one member); several holders of a title, a shared name or a unit of several →
/// unresolved here, and the import preview's picker offers the members ranked by likeness.
/// </summary>
internal static class AssigneeMatcher
{
    public static Member? Resolve(Assignee assignee, IReadOnlyList<Member> members) =>
        AssigneeResolver.Resolve(assignee, members, Facts).Sole;

    /// <summary>Members ordered by likeness to the assignee (shared words of name/title/unit), then by name.</summary>
    public static IReadOnlyList<Member> Rank(Assignee assignee, IReadOnlyList<Member> members) =>
        AssigneeResolver.Rank(assignee, members, Facts);

    private static PersonFacts Facts(Member m) => new(m.DisplayName, m.JobTitle, m.Department);
}
