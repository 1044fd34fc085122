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
    /// <summary>After a card action: a prebuilt card put in place of a posted one (ConversationId, ActivityId), or a text (Title).</summary>
    public const string Notice = "notice";
    /// <summary>A published plan's document uploaded to the plan library (SharePoint), after the publishing invoke answered.</summary>
    public const string PlanDocument = "plan-document";
    /// <summary>A report handed in from a card uploaded to the reports library (Code = report id), after the invoke answered.</summary>
    public const string ReportUpload = "report-upload";
}
