namespace TeamsPlans.Storage;

public interface IConversationStore
{
    Task UpsertAsync(ConversationRef reference, CancellationToken ct = default);
    Task<ConversationRef?> GetAsync(string tenantId, string aadObjectId, CancellationToken ct = default);
    Task MarkBlockedAsync(string tenantId, string aadObjectId, string reason, CancellationToken ct = default);
    Task<IReadOnlyList<ConversationRef>> ListAsync(string tenantId, CancellationToken ct = default);
}
