namespace TeamsPlans.Bot.Conversation;

/// <summary>What a resend did: deliveries put back in the queue, members who blocked the bot (never resent), and the
/// plan's delivery summary afterwards ("đã gửi 120, đang chờ 2, bị chặn 1").</summary>
public sealed record ResendResult(int Resent, int Blocked, string Summary);
