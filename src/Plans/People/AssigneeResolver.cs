using System.Globalization;
using System.Text;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.People;

/// <summary>
/// The one rule that ties a plan's assignee ("Thầy Nguyễn Tất Thành – Phó hiệu trưởng", "Phó hiệu trưởng", "Tổ Toán") to
/// people of a directory, used by Teams (the assignment card's owner, the import preview) and by Planner (the task's
/// assignees) alike, so both pick the same people for the same directory. Folding is <see cref="VietText.FoldWords"/>.
/// <list type="number">
/// <item>A name: typed with diacritics, the same syllables in any order, else <see cref="PersonNameMatcher.SameName"/>'s
/// tolerance (one diacritic slip per syllable); typed without diacritics, every name that folds to it (any order).
/// Several people → narrowed by the title or unit given with the name; one → <see cref="AssigneeMatchKind.Person"/>,
/// several → <see cref="AssigneeMatchKind.Ambiguous"/>. Nobody by that name → the sole holder of the title, if their name
/// shares a word with it; else unresolved.</item>
/// <item>A job title (no name): its holders, those of the given unit first (when the unit has any). A sole holder →
/// that person; several holders → <see cref="AssigneeMatchKind.Ambiguous"/>: Teams offers the picker and Planner does not
/// assign the task until someone is chosen. No holder → the role group the directory keeps under that name (Graph
/// groups), assigned as a <see cref="AssigneeMatchKind.Unit"/>.</item>
/// <item>A unit only: every member of the department, as a <see cref="AssigneeMatchKind.Unit"/>. Planner assigns every
/// member; a Teams card has one owner, so Teams takes a unit only when it has one member and otherwise offers the picker.
/// A unit that is no department is read as a job title (the reader gives "- Hiệu trưởng: …" as a unit).</item>
/// </list>
/// Nothing is guessed: no match → <see cref="AssigneeMatchKind.Unresolved"/>.
/// </summary>
public static class AssigneeResolver
{
    public static AssigneeMatch<T> Resolve<T>(
        Assignee assignee, IReadOnlyList<T> people, Func<T, PersonFacts> facts, IReadOnlyList<T>? roleGroup = null)
    {
        var title = VietText.FoldWords(assignee.Title);
        var unit = VietText.FoldWords(assignee.Unit);
        if (!string.IsNullOrWhiteSpace(assignee.Name))
            return ByName(assignee.Name, title, unit, people, facts);
        if (title.Length > 0)
        {
            var holders = people.Where(p => VietText.FoldWords(facts(p).JobTitle) == title).ToList();
            var inUnit = holders.Where(p => unit.Length > 0 && VietText.FoldWords(facts(p).Department) == unit).ToList();
            if (inUnit.Count > 0) holders = inUnit;
            if (holders.Count > 0) return holders.Count == 1 ? Of(AssigneeMatchKind.Person, holders) : Of(AssigneeMatchKind.Ambiguous, holders);
            var group = roleGroup ?? [];
            var groupInUnit = group.Where(p => unit.Length > 0 && VietText.FoldWords(facts(p).Department) == unit).ToList();
            return Of(groupInUnit.Count > 0 ? groupInUnit : group, AssigneeMatchKind.Unit);
        }
        if (unit.Length > 0)
        {
            var members = people.Where(p => VietText.FoldWords(facts(p).Department) == unit).ToList();
            // The reader cannot tell a role written alone ("- Hiệu trưởng: …") from a unit: no such department → a job title.
            return members.Count > 0
                ? Of(members, AssigneeMatchKind.Unit)
                : Resolve(new Assignee(null, assignee.Unit, null), people, facts, roleGroup);
        }
        return Of(AssigneeMatchKind.Unresolved, Array.Empty<T>());
    }

    /// <summary>People ordered by likeness to the assignee (shared words of name, title and unit), then by name: the picker.</summary>
    public static IReadOnlyList<T> Rank<T>(Assignee assignee, IReadOnlyList<T> people, Func<T, PersonFacts> facts)
    {
        var want = Words($"{assignee.Name} {assignee.Title} {assignee.Unit}");
        var byName = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), true);
        return people
            .Select(p => (p, f: facts(p)))
            .Select(x => (x.p, x.f, score: Words($"{x.f.DisplayName} {x.f.JobTitle} {x.f.Department}").Count(want.Contains)))
            .OrderByDescending(x => x.score).ThenBy(x => x.f.DisplayName ?? "", byName)
            .Select(x => x.p).ToList();
    }

    private static AssigneeMatch<T> ByName<T>(string name, string title, string unit, IReadOnlyList<T> people, Func<T, PersonFacts> facts)
    {
        var clean = PersonNameMatcher.Clean(name);
        List<T> matches;
        if (VietText.HasDiacritics(clean))
        {
            var exact = SortedSyllables(clean.ToLowerInvariant());
            matches = people.Where(p => SortedSyllables(PersonNameMatcher.Clean(facts(p).DisplayName ?? "").ToLowerInvariant()) == exact).ToList();
            if (matches.Count == 0) matches = people.Where(p => PersonNameMatcher.SameName(facts(p).DisplayName, clean)).ToList();
        }
        else
        {
            var folded = SortedSyllables(VietText.FoldWords(clean));
            matches = people.Where(p => SortedSyllables(VietText.FoldWords(PersonNameMatcher.Clean(facts(p).DisplayName ?? ""))) == folded).ToList();
        }
        if (matches.Count > 1)
        {
            var hint = title.Length > 0 ? title : unit;
            var narrowed = matches.Where(p => hint.Length > 0
                && (VietText.FoldWords(facts(p).JobTitle) == hint || VietText.FoldWords(facts(p).Department) == hint)).ToList();
            if (narrowed.Count >= 1) matches = narrowed;
        }
        if (matches.Count == 1) return Of(AssigneeMatchKind.Person, matches);
        if (matches.Count > 1) return Of(AssigneeMatchKind.Ambiguous, matches);
        // Nobody by that name: the sole holder of the title, when their name shares a word with it (else the picker decides).
        var holders = title.Length == 0 ? [] : people.Where(p => VietText.FoldWords(facts(p).JobTitle) == title).ToList();
        return holders.Count == 1 && Words(facts(holders[0]).DisplayName).Overlaps(Words(clean))
            ? Of(AssigneeMatchKind.Person, holders)
            : Of(AssigneeMatchKind.Unresolved, Array.Empty<T>());
    }

    private static AssigneeMatch<T> Of<T>(AssigneeMatchKind kind, IReadOnlyList<T> people) => new(kind, people);

    private static AssigneeMatch<T> Of<T>(IReadOnlyList<T> members, AssigneeMatchKind kind) =>
        members.Count == 0 ? new(AssigneeMatchKind.Unresolved, []) : new(kind, members);

    private static string SortedSyllables(string s) =>
        string.Join(' ', s.Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

    private static HashSet<string> Words(string? s) =>
        VietText.FoldWords(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
