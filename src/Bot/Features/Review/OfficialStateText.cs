using System.Globalization;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>How the four official states appear on list cards (My tasks, the plan summary, the roll-up): a suffix on a
/// task line and a fact set of the four counts.</summary>
internal static class OfficialStateText
{
    /// <summary>" · Hoàn thành quá hạn" for the assignment when its state is known; "" otherwise.</summary>
    public static string Suffix(IReadOnlyDictionary<string, OfficialState>? states, AssignmentRecord a, CardView v) =>
        states is not null && states.TryGetValue(a.AssignmentId, out var s) ? " · " + OfficialStateLabels.For(s, v.S.Lang == "vi") : "";

    /// <summary>The four states (every one, zero or more) with how many of <paramref name="states"/> are in each.</summary>
    /// <param name="separator">A line above (list cards); the roll-up keeps separators for its unit blocks.</param>
    public static Container Counts(IEnumerable<OfficialState> states, CardView v, string id, bool separator = true)
    {
        var counts = Enum.GetValues<OfficialState>().ToDictionary(s => s, _ => 0);
        foreach (var s in states) counts[s]++;
        var vi = v.S.Lang == "vi";
        return new Container
        {
            Id = id, Separator = separator ? true : null, Spacing = "medium",
            Items =
            [
                new TextBlock(ReviewTexts.For(v).StateLabel) { Weight = "bolder" },
                new FactSet
                {
                    Facts = [.. counts.Select(kv => new Fact(OfficialStateLabels.For(kv.Key, vi), kv.Value.ToString(CultureInfo.InvariantCulture)))],
                },
            ],
        };
    }
}
