using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Tests.Fakes;

/// <summary>
/// Test double of the state store contracts used by GraphSync (ISyncStateStore, IWorkQueue, IMemberStore), with the
/// documented semantics (idempotency keys, leases that expire on the TimeProvider, retry/complete by owner).
/// Replaced by the real SQLite store where available (see StoreFactory).
/// </summary>
public sealed class InMemoryStores(TimeProvider time) : ISyncStateStore, IWorkQueue, IMemberStore
{
    readonly object _lock = new();
    readonly Dictionary<(string, string, string), SyncEntry> _sync = [];
    readonly List<WorkItem> _items = [];
    readonly Dictionary<(string, string), Member> _members = [];
    long _id;

    // ISyncStateStore
    public Task<SyncEntry?> GetAsync(string tenantId, string scope, string key, CancellationToken ct = default)
    { lock (_lock) return Task.FromResult(_sync.GetValueOrDefault((tenantId, scope, key))); }
    public Task PutAsync(SyncEntry entry, CancellationToken ct = default)
    { lock (_lock) _sync[(entry.TenantId, entry.Scope, entry.Key)] = entry; return Task.CompletedTask; }
    public Task<IReadOnlyList<SyncEntry>> ListAsync(string tenantId, string scope, CancellationToken ct = default)
    { lock (_lock) return Task.FromResult<IReadOnlyList<SyncEntry>>(_sync.Values.Where(e => e.TenantId == tenantId && e.Scope == scope).OrderBy(e => e.Key, StringComparer.Ordinal).ToList()); }
    public Task DeleteAsync(string tenantId, string scope, string key, CancellationToken ct = default)
    { lock (_lock) _sync.Remove((tenantId, scope, key)); return Task.CompletedTask; }

    // IWorkQueue
    public Task<bool> EnqueueAsync(string tenantId, string queue, string kind, string idempotencyKey, string payloadJson, DateTimeOffset? notBefore = null, CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (_items.Any(i => i.TenantId == tenantId && i.Queue == queue && i.IdempotencyKey == idempotencyKey)) return Task.FromResult(false);
            var now = time.GetUtcNow();
            _items.Add(new WorkItem(++_id, tenantId, queue, kind, idempotencyKey, payloadJson, WorkState.Queued, 0, notBefore ?? now, null, null, null, null, now, now));
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<WorkItem>> ClaimAsync(string queue, string owner, int max, TimeSpan lease, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var due = _items.Where(i => i.Queue == queue && ((i.State == WorkState.Queued && i.NotBefore <= now) || (i.State == WorkState.InFlight && i.LeaseUntil <= now)))
                .OrderBy(i => i.NotBefore).ThenBy(i => i.Id).Take(max).ToList();
            var claimed = new List<WorkItem>();
            foreach (var i in due)
            {
                var c = i with { State = WorkState.InFlight, LeaseOwner = owner, LeaseUntil = now + lease, UpdatedAt = now };
                _items[_items.IndexOf(i)] = c;
                claimed.Add(c);
            }
            return Task.FromResult<IReadOnlyList<WorkItem>>(claimed);
        }
    }

    bool Update(long id, string owner, Func<WorkItem, WorkItem> f)
    {
        lock (_lock)
        {
            var idx = _items.FindIndex(i => i.Id == id);
            if (idx < 0 || _items[idx].LeaseOwner != owner || _items[idx].State != WorkState.InFlight) return false;
            _items[idx] = f(_items[idx]) with { UpdatedAt = time.GetUtcNow() };
            return true;
        }
    }

    public Task<bool> RenewAsync(long id, string owner, TimeSpan lease, CancellationToken ct = default) => Task.FromResult(Update(id, owner, i => i with { LeaseUntil = time.GetUtcNow() + lease }));
    public Task<bool> CompleteAsync(long id, string owner, string? resultJson = null, CancellationToken ct = default) => Task.FromResult(Update(id, owner, i => i with { State = WorkState.Done, ResultJson = resultJson, LeaseOwner = null, LeaseUntil = null }));
    public Task<bool> RetryAsync(long id, string owner, DateTimeOffset notBefore, string error, CancellationToken ct = default) => Task.FromResult(Update(id, owner, i => i with { State = WorkState.Queued, NotBefore = notBefore, Attempts = i.Attempts + 1, LastError = error, LeaseOwner = null, LeaseUntil = null }));
    public Task<bool> FailAsync(long id, string owner, WorkState terminalState, string reason, CancellationToken ct = default) => Task.FromResult(Update(id, owner, i => i with { State = terminalState, LastError = reason, LeaseOwner = null, LeaseUntil = null }));
    Task<WorkItem?> IWorkQueue.GetAsync(string tenantId, string queue, string idempotencyKey, CancellationToken ct)
    { lock (_lock) return Task.FromResult(_items.FirstOrDefault(i => i.TenantId == tenantId && i.Queue == queue && i.IdempotencyKey == idempotencyKey)); }
    public Task<IReadOnlyList<WorkItem>> ListAsync(string tenantId, string queue, WorkState? state = null, CancellationToken ct = default)
    { lock (_lock) return Task.FromResult<IReadOnlyList<WorkItem>>(_items.Where(i => i.TenantId == tenantId && i.Queue == queue && (state is null || i.State == state)).ToList()); }
    public Task<int> RequeueFailedAsync(string tenantId, string queue, string? keyPrefix = null, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var n = 0;
            for (var k = 0; k < _items.Count; k++)
            {
                var i = _items[k];
                if (i.TenantId == tenantId && i.Queue == queue && i.State == WorkState.Failed && (keyPrefix is null || i.IdempotencyKey.StartsWith(keyPrefix, StringComparison.Ordinal)))
                { _items[k] = i with { State = WorkState.Queued, NotBefore = time.GetUtcNow() }; n++; }
            }
            return Task.FromResult(n);
        }
    }
    public Task<IReadOnlyDictionary<WorkState, int>> CountsAsync(string tenantId, string queue, CancellationToken ct = default)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyDictionary<WorkState, int>>(_items.Where(i => i.TenantId == tenantId && i.Queue == queue).GroupBy(i => i.State).ToDictionary(g => g.Key, g => g.Count()));
    }

    // IMemberStore
    public Task UpsertAsync(Member member, CancellationToken ct = default)
    {
        // As the SQL stores: an existing member's chosen language is kept.
        lock (_lock)
            _members[(member.TenantId, member.AadObjectId)] = _members.TryGetValue((member.TenantId, member.AadObjectId), out var existing)
                ? member with { Language = existing.Language } : member;
        return Task.CompletedTask;
    }

    Task<bool> IMemberStore.SetLanguageAsync(string tenantId, string aadObjectId, string? language, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_members.TryGetValue((tenantId, aadObjectId), out var m)) return Task.FromResult(false);
            _members[(tenantId, aadObjectId)] = m with { Language = language };
            return Task.FromResult(true);
        }
    }
    Task<Member?> IMemberStore.GetAsync(string tenantId, string aadObjectId, CancellationToken ct) { lock (_lock) return Task.FromResult(_members.GetValueOrDefault((tenantId, aadObjectId))); }
    Task<IReadOnlyList<Member>> IMemberStore.ListAsync(string tenantId, CancellationToken ct) { lock (_lock) return Task.FromResult<IReadOnlyList<Member>>(_members.Values.Where(m => m.TenantId == tenantId).ToList()); }
}
