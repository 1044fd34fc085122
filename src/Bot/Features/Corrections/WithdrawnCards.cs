namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>The card that replaces a withdrawn assignment's card: the plan, the duty, "Đã rút/thu hồi…", and no action.</summary>
internal static class WithdrawnCards
{
    public static AdaptiveCard Of(StoredPlan plan, AssignmentRecord a, CardView v)
    {
        var t = WithdrawalTexts.For(v.S.Lang == "vi");
        return new AdaptiveCard
        {
            Lang = v.S.Lang,
            FallbackText = t.Banner,
            Body =
            [
                new TextBlock(t.Banner) { Weight = "bolder", Size = "medium", Color = "attention" },
                new TextBlock(DueFormat.Truncate(t.Plan(plan.Number ?? plan.PlanId) + " — " + plan.Title, 300)) { IsSubtle = true },
                new TextBlock(t.Assignee(DueFormat.Truncate(a.Assignee.Display, 120))) { Spacing = "small" },
                new TextBlock(DueFormat.Truncate(a.Duty, 500)) { Spacing = "small" },
                new TextBlock(t.NoAction) { IsSubtle = true, Separator = true },
            ],
        };
    }

    /// <summary>
    /// The answer to a click on a card of a withdrawn assignment: "Nhiệm vụ này đã được rút khỏi kế hoạch …" in the viewer's
    /// language, then the same in the other language (the card may be read by someone whose client shows the other one).
    /// </summary>
    public static AdaptiveCard Gone(StoredPlan? plan, CardView v)
    {
        var vi = TextTable.IsVietnamese(v.S.Lang);
        var (first, second) = (WithdrawalTexts.For(vi), WithdrawalTexts.For(!vi));
        var number = plan is null ? null : DueFormat.Truncate(plan.Number ?? plan.PlanId, 120);
        return new AdaptiveCard
        {
            Lang = v.S.Lang,
            FallbackText = first.Gone(number),
            Body =
            [
                new TextBlock(first.Banner) { Weight = "bolder", Size = "medium", Color = "attention" },
                new TextBlock(first.Gone(number)),
                new TextBlock(second.Gone(number)) { IsSubtle = true, Separator = true },
            ],
        };
    }
}
