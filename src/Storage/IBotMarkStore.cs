namespace TeamsPlans.Storage;

/// <summary>
/// Small facts the bot keeps about itself and its members (table <c>bot_marks</c>, migration 0016): the welcome card of an
/// install was sent, the bot's last heartbeat, a window it was down and who was told. Get it with <see cref="BotMarkStores.For"/>.
/// </summary>
public interface IBotMarkStore
{
    /// <summary>Stores the mark unless the key is there already; true when this call stored it (once, across instances).</summary>
    Task<bool> TryAddAsync(string tenantId, string key, string value, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Stores or overwrites the mark.</summary>
    Task SetAsync(string tenantId, string key, string value, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>The mark's value, or null when there is none.</summary>
    Task<string?> GetAsync(string tenantId, string key, CancellationToken ct = default);

    /// <summary>Removes the mark; true when it was there.</summary>
    Task<bool> RemoveAsync(string tenantId, string key, CancellationToken ct = default);
}
