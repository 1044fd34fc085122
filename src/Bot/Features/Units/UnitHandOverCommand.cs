using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsPlans.Bot.Features.Reassign;
using TeamsPlans.Plans.Parsing;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// "phân công [số] cho &lt;tên hoặc email&gt;: &lt;ghi chú&gt;" / "assign [number] to &lt;name or e-mail&gt;: &lt;note&gt;": a unit head passes
/// one of the unit's duties they hold (of published plans; the number is its place in the list this command shows, optional
/// when there is one) to a member of the unit or a colleague. It is the card's "Chuyển giao" (<see cref="ReassignAction"/>)
/// typed: same checks, history entry, cards. Any other text goes on to the next handler (the help).
/// </summary>
internal sealed partial class UnitHandOverCommand(IStateStore store, ReassignAction reassign)
{
    public sealed record Request(int? Number, string Person, string? Note);

    public CommandHandler Before(CommandHandler next) => (state, command, ct) => HandleAsync(state, command, next, ct);

    public async Task<AdaptiveCard> HandleAsync(TurnState state, TextCommand command, CommandHandler next, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(next);
        if (Parse(command.Text) is not { } request || state.Member is not { } me) return await next(state, command, ct).ConfigureAwait(false);
        var t = UnitHandOverTexts.For(state.View);
        var mine = await UnitDutiesAsync(state.TenantId, me.AadObjectId, ct).ConfigureAwait(false);
        if (mine.Count == 0) return PlanCards.Notice(t.NoUnitTask, [], state.View, "warning");
        if (request.Number is not { } n ? mine.Count > 1 : n < 1 || n > mine.Count)
            return PlanCards.Notice(t.Choose, 
                [.. mine.Select((a, i) => $"{i + 1}. {a.Assignee.Unit}: {DueFormat.Truncate(a.Duty, 160)}"), t.Usage], state.View);
        var duty = mine[(request.Number ?? 1) - 1];
        var people = Match(await store.Members.ListAsync(state.TenantId, ct).ConfigureAwait(false), request.Person, me.AadObjectId);
        if (people.Count == 0) return PlanCards.Notice(t.NoPerson(request.Person), [t.Usage], state.View, "warning");
        if (people.Count > 1)
            return PlanCards.Notice(t.ManyPeople(request.Person, string.Join(", ", 
                people.Take(10).Select(p => p.DisplayName))), [], state.View, "warning");
        var data = new JsonObject
        {
            ["assignmentId"] = duty.AssignmentId, [CardVerbs.ReassignToInput] = people[0].AadObjectId, [CardVerbs.ReassignNoteInput] = request.Note,
        };
        var result = await reassign.HandleAsync(
            new CardActionContext(state, me.AadObjectId, CardVerbs.Reassign, new CardData(data)), ct).ConfigureAwait(false);
        return result.Card ?? PlanCards.Notice(t.Failed, [state.Vi ? result.Vi : result.En], state.View, "attention");
    }

    /// <summary>"phân công 2 cho Nguyễn Văn An: soạn kế hoạch của tổ" → (2, "Nguyễn Văn An", "soạn kế hoạch của tổ"); null for other text.</summary>
    public static Request? Parse(string? text)
    {
        var original = TextCommands.CleanMentions(text ?? "").Trim();
        var m = CommandRegex().Match(VietText.FoldKeepLength(original));
        if (!m.Success) return null;
        var person = original.Substring(m.Groups["who"].Index, m.Groups["who"].Length).Trim().Trim('"', '“', '”');
        if (person.Length == 0) return null;
        var note = m.Groups["note"].Success ? original.Substring(m.Groups["note"].Index, m.Groups["note"].Length).Trim() : null;
        return new Request(m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
            person, string.IsNullOrEmpty(note) ? null : note);
    }

    /// <summary>The unit's duties the member holds in published plans, by plan and order in the plan.</summary>
    private async Task<List<AssignmentRecord>> UnitDutiesAsync(string tenantId, string aadObjectId, CancellationToken ct)
    {
        var held = (await store.Assignments.ListByMemberAsync(tenantId, aadObjectId, ct).ConfigureAwait(false))
            .Where(a => UnitAssignees.CodeOf(a.Assignee) is not null && a.State.Status != AssignmentStatus.Done).ToList();
        var published = new HashSet<string>(StringComparer.Ordinal);
        foreach (var planId in held.Select(a => a.PlanId).Distinct(StringComparer.Ordinal))
            if ((await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false))?.Status == PlanStatus.Published) published.Add(planId);
        return [.. held.Where(a => published.Contains(a.PlanId)).OrderBy(a => a.PlanId, StringComparer.Ordinal).ThenBy(a => a.Ordinal)];
    }

    /// <summary>The member named: e-mail, or the whole name (diacritics and case aside), else the members whose name holds it.</summary>
    private static List<Member> Match(IReadOnlyList<Member> members, string who, string self)
    {
        var others = members.Where(m => !string.Equals(m.AadObjectId, self, StringComparison.OrdinalIgnoreCase)).ToList();
        var byMail = others.Where(m => string.Equals(m.Email, who, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byMail.Count > 0) return byMail;
        var folded = VietText.Fold(who);
        var exact = others.Where(m => VietText.Fold(m.DisplayName) == folded).ToList();
        return exact.Count > 0 ? exact : others.Where(m => VietText.Fold(m.DisplayName).Contains(folded, StringComparison.Ordinal)).ToList();
    }

    [GeneratedRegex(@"^(?:phan cong|assign)\s*(?<n>\d{1,4})?\s+(?:cho|to)\s+(?<who>[^:]+?)\s*(?::\s*(?<note>.*))?$", RegexOptions.Singleline)]
    private static partial Regex CommandRegex();
}
