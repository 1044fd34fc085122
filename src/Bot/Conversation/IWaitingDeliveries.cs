namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Deliveries waiting for members the bot cannot reach yet (app not installed): woken when the member installs or opens
/// the bot, and counted per plan for the status card ("Đã giao 3 · đã đến 2 · chờ cài ứng dụng 1").
/// </summary>
internal interface IWaitingDeliveries
{
    /// <summary>The member installed or opened the bot: their waiting deliveries are made due now; returns how many.</summary>
    Task<int> MemberReachableAsync(string tenantId, string aadObjectId, CancellationToken ct);

    /// <summary>Per plan id: assignment cards queued, delivered, and waiting for an install (plans without cards are left out).</summary>
    Task<IReadOnlyDictionary<string, DeliveryTally>> TallyAsync(string tenantId, IReadOnlyCollection<string> planIds, CancellationToken ct);
}
