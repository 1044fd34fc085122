namespace TeamsPlans.Bot.Conversation;

/// <summary>A plan's assignment cards: given (queued for a member), reached the member, waiting for the member to install
/// the app; <paramref name="WaitingMembers"/> counts the people behind the waiting deliveries (cards and reminders).</summary>
internal sealed record DeliveryTally(int Given, int Reached, int Waiting, int WaitingMembers);
