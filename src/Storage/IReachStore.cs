namespace TeamsPlans.Storage;

/// <summary>
/// Reaching members the bot cannot post to yet: queue items waiting for a member to install the app are made due at once
/// when the member installs or opens the bot, and the conversation reference of a member who removed the app is dropped
/// (Teams no longer accepts posts there; the next send opens the 1:1 chat again).
/// </summary>
public interface IReachStore
{
    /// <summary>Makes the given Queued items of <paramref name="tenantId"/> due now (not_before = now); returns how many.
    /// Items no longer Queued (claimed, done) are left alone.</summary>
    Task<int> WakeAsync(string tenantId, IReadOnlyCollection<long> itemIds, CancellationToken ct = default);

    /// <summary>Deletes the stored conversation reference of the member; false when there was none.</summary>
    Task<bool> ForgetConversationAsync(string tenantId, string aadObjectId, CancellationToken ct = default);
}
