namespace TeamsPlans.Bot.Delivery;

/// <summary>What a delivery is (the WorkItem's Kind).</summary>
public static class DeliveryKinds
{
    /// <summary>The assignment card, when a plan is published.</summary>
    public const string Assignment = "assignment";
    /// <summary>A deadline reminder ("before-7", "before-1", "overdue", "manual-yyyy-MM-dd").</summary>
    public const string Reminder = "reminder";
    /// <summary>The daily digest of overdue items (and unreachable members) for a plan's head.</summary>
    public const string Digest = "digest";
    /// <summary>A card built when a card action was handled (review, comment notices), sent after the invoke answered.</summary>
    public const string Card = "card";
    /// <summary>The member's posted assignment card updated in place from the current state, after the invoke answered.</summary>
    public const string CardUpdate = "card-update";
}
