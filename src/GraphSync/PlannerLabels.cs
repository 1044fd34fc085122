using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.GraphSync;

/// <summary>
/// The four official states (<see cref="OfficialState"/>, issue 15) as Planner labels: category1 "Hoàn thành đúng hạn",
/// category2 "Hoàn thành quá hạn", category3 "Chưa hoàn thành, còn trong hạn", category4 "Chưa hoàn thành, quá hạn" (the
/// board's label names are set when TeamsPlans creates it). A task carries exactly one of the four, or, while its report
/// awaits review (issue 15: counting follows acceptance), category5 "Chờ duyệt" instead; labels 6–25 are the school's own and
/// are never touched. The local board keeps the state code itself.
/// </summary>
public static class PlannerLabels
{
    /// <summary>The code of a task whose report is handed in and awaits review: not finished, shown "Chờ duyệt".</summary>
    public const string AwaitingReview = "awaiting-review";

    /// <summary>The Planner category and name of <see cref="AwaitingReview"/>.</summary>
    public static readonly (string Code, string Category, string Name) Awaiting = (AwaitingReview, "category5", "Chờ duyệt");

    /// <summary>State code (<see cref="OfficialStateLabels.Code"/>) → Planner category, in the order of <see cref="OfficialState"/>.</summary>
    public static readonly IReadOnlyList<(string Code, string Category, string Name)> All =
        [.. Enum.GetValues<OfficialState>().Select((s, i) => (OfficialStateLabels.Code(s), "category" + (i + 1), OfficialStateLabels.Vi(s)))];

    public static string CodeOf(OfficialState state) => OfficialStateLabels.Code(state);

    /// <summary>The Planner category of a state code, or null for an unknown code.</summary>
    public static string? CategoryOf(string code) => All.Append(Awaiting).Where(l => l.Code == code).Select(l => l.Category).FirstOrDefault();

    /// <summary>The appliedCategories to write for <paramref name="code"/>: its category on, the four others off.</summary>
    public static IReadOnlyDictionary<string, bool> Applied(string code) =>
        All.Append(Awaiting).ToDictionary(l => l.Category, l => l.Code == code, StringComparer.Ordinal);

    /// <summary>The state code of the first of the four categories set in <paramref name="applied"/>, or null.</summary>
    public static string? CodeOf(Func<string, bool> isApplied)
    {
        ArgumentNullException.ThrowIfNull(isApplied);
        return All.Append(Awaiting).Where(l => isApplied(l.Category)).Select(l => l.Code).FirstOrDefault();
    }
}
