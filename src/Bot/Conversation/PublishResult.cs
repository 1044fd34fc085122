namespace TeamsPlans.Bot.Conversation;

/// <summary>Outcome of sending a plan's assignment cards (or reminders).</summary>
public sealed record PublishResult(int Sent, int AlreadySent, int Unresolved, int Failed, IReadOnlyList<string> Errors)
{
    /// <summary>Items accepted for later delivery (durable queue implementations); 0 for direct sends.</summary>
    public int Queued { get; init; }
}
