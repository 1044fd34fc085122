using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// The people who answer for a unit's duty: the head and the contacts of the unit in the directory (by Entra id). They
/// keep the duty in hand when they pass it to a member (issue #14): they see it, take it back, and review the member's
/// report before it goes up to the plan's receiver.
/// </summary>
internal static class UnitHeads
{
    /// <summary>The Entra ids of the unit's head and contacts; empty for a person's assignment or a unit not in the directory.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(IStateStore store, AssignmentRecord a, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (UnitAssignees.CodeOf(a.Assignee) is not { } code || UnitStores.TryFor(store) is not { } units) return [];
        var unit = await units.GetAsync(a.TenantId, code, ct).ConfigureAwait(false);
        return unit is null ? [] : [.. unit.Recipients.Select(c => c.AadObjectId).OfType<string>()];
    }

    public static async Task<bool> IsHeadAsync(IStateStore store, AssignmentRecord a, string? aadObjectId, CancellationToken ct) =>
        aadObjectId is not null && (await OfAsync(store, a, ct).ConfigureAwait(false)).Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a unit head is to review the report first: the unit's duty was passed to a member who handed it in.</summary>
    public static bool ReviewsFirst(AssignmentRecord a, IReadOnlyList<string> heads, string submitter) =>
        a.Assignee.Target?.HandOver is not null && heads.Count > 0 && !heads.Contains(submitter, StringComparer.OrdinalIgnoreCase);
}
