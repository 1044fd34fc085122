using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// What a unit's duty carries when it is passed on (<see cref="Reassign.ReassignAction"/> calls it for every reassignment;
/// only a unit's assignment changes): who passed it, whether as the unit's head, who holds it now, the note. The card lines
/// read it back: "Giao cho Tổ Toán – do tổ trưởng phân công", "Người thực hiện: …".
/// </summary>
internal static class UnitHandOvers
{
    public static AssignmentRecord Mark(AssignmentRecord passed, bool byHolder, string? byName, string holderName, string? note)
    {
        ArgumentNullException.ThrowIfNull(passed);
        if (UnitAssignees.CodeOf(passed.Assignee) is null || passed.Assignee.Target is not { } target) return passed;
        // The import gives a unit's duty to its head: the first holder to pass it on is the head. Later passes (by the
        // member, or by a principal) name who passed it.
        var byHead = byHolder && target.HandOver is null;
        var handOver = new UnitHandOver(byName ?? "", byHead, holderName, string.IsNullOrWhiteSpace(note) ? null : note);
        return passed with { Assignee = passed.Assignee with { Target = target with { HandOver = handOver } } };
    }

    /// <summary>The unit's duty back with its head (taken back from the member): no longer marked as passed on.</summary>
    public static AssignmentRecord TakeBack(AssignmentRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Assignee.Target is { HandOver: not null } t ? a with { Assignee = a.Assignee with { Target = t with { HandOver = null } } } : a;
    }

    /// <summary>The head's card of a unit's duty passed to a member: "Thu hồi nhiệm vụ" gives it back to the head.</summary>
    private static AdaptiveCard WithTakeBack(AdaptiveCard notice, AssignmentRecord a, string headAadObjectId, CardView v)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var data = Assignments.AssignmentCards.AssignmentData(a);
        data[CardVerbs.ReassignToInput] = headAadObjectId;
        notice.Actions = [.. notice.Actions ?? [], PlanCards.Execute(UnitHandOverTexts.For(v).TakeBack, CardVerbs.Reassign, data)];
        return notice;
    }

    /// <summary>
    /// The card the old holder's posted card becomes (and the one who passed it gets) for a unit's duty: who carries it out
    /// now, with "Thu hồi nhiệm vụ" when a unit head passed it; or that the head took it back. Null for any other assignment.
    /// </summary>
    public static AdaptiveCard? Notice(AssignmentRecord a, bool takenBack, bool byUnitHead, string actor, string holderName, string? note, CardView v)
    {
        if (UnitAssignees.CodeOf(a.Assignee) is null) return null;
        var t = UnitHandOverTexts.For(v);
        if (takenBack) return PlanCards.Notice(t.TakenBack(a.Assignee.Unit!, holderName), [a.Duty], v);
        var notice = PlanCards.Notice(t.NowHeldBy(a.Assignee.Unit!, holderName), [a.Duty, note ?? ""], v);
        return byUnitHead ? WithTakeBack(notice, a, actor, v) : notice;
    }

    /// <summary>The unit wording under the status line of the assignment card, when the unit's duty was passed on.</summary>
    public static AdaptiveCard Apply(AdaptiveCard card, AssignmentRecord a, CardView v)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (UnitAssignees.CodeOf(a.Assignee) is null || a.Assignee.Target is not { HandOver: { } h } target) return card;
        var t = UnitHandOverTexts.For(v);
        var kind = target.Units[0].Kinds.Count > 0 ? target.Units[0].Kinds[0] : UnitKind.Other;
        var lines = new List<CardElement>
        {
            new TextBlock(h.ByHead ? t.ByHead(a.Assignee.Unit!, t.Head(kind)) : t.ByOther(a.Assignee.Unit!, h.ByName))
                { Id = "unitHandOver", Weight = "bolder", Color = "accent", Spacing = "small" },
            new TextBlock(t.Holder(h.HolderName)) { Id = "unitHolder", Spacing = "none" },
        };
        if (h.Note is { } note) lines.Add(new TextBlock(DueFormat.Truncate(t.Note(note), 500)) { IsSubtle = true, Spacing = "none" });
        // Below the status and the official / review state lines when the card has them.
        var at = card.Body.FindLastIndex(e => e.Id is "status" or "officialState" or "reviewState");
        card.Body.InsertRange(at < 0 ? card.Body.Count : at + 1, lines);
        return card;
    }
}
