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
}
