using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Client-side rate limiting of the connector, shared by every worker of the process (singleton):
/// a sliding-window log per tenant (<see cref="DeliveryOptions.TenantRequestsPerSecond"/> per 1 s, paced evenly: a token
/// bucket of depth 1 refilled at that rate) and per conversation (<see cref="DeliveryOptions.ConversationLimits"/>).
/// Windows on top of the bucket because Teams counts requests in windows: a bucket of capacity C and rate R alone lets
/// C + R requests into one second.
/// <para>Each call reserves the earliest instant allowed by both windows and waits for it, so concurrent callers get
/// distinct slots (no thundering herd). A 429 is reported with <see cref="Throttled"/>: alone, it holds only the throttled
/// message (its sender waits for the Retry-After); when 429s cluster (<see cref="DeliveryOptions.ThrottleClusterCount"/>
/// within <see cref="DeliveryOptions.ThrottleClusterWindow"/>: the service is telling the whole app to slow down) the
/// tenant is paused (<see cref="PauseTenant"/>), which holds every caller of that tenant until the pause ends.</para>
/// <para>Cold start: after the tenant has been idle for a second, the pace ramps from half the ceiling to the full ceiling
/// over <see cref="DeliveryOptions.RampUp"/> (the first requests of a burst reach the server late and bunched — connection
/// set-up, JIT — so the first window would otherwise overflow).</para>
/// <para>Several instances: <see cref="DeliveryCoordinator"/> sets <see cref="SetInstances"/> from the heartbeats in the
/// state store, so each instance keeps to ⌊ceiling / N⌋ and together they stay under the ceiling, and shares pauses.</para>
/// </summary>
internal sealed class DeliveryRateLimiter
{
    private readonly TimeProvider _time;
    private readonly int _tenantCeiling;
    private (int Count, TimeSpan Window)[] _tenantRules;
    private int _instances = 1;
    private readonly (int Count, TimeSpan Window)[] _conversationRules;
    private readonly ConcurrentDictionary<string, TenantState> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WindowLog> _conversations = new(StringComparer.Ordinal);
    private readonly TimeSpan _margin;
    private long _tenantMarginTicks;
    private long _lastWidenedTicks;
    private readonly long _rampTicks;
    private readonly int _clusterCount;
    private readonly long _clusterWindowTicks;
    private long _acquisitions;

    public DeliveryRateLimiter(IOptions<DeliveryOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _time = time;
        _margin = o.WindowSafetyMargin < TimeSpan.Zero ? TimeSpan.Zero : o.WindowSafetyMargin;
        if (o.TenantRequestsPerSecond < 1)
            throw new InvalidOperationException("Giới hạn yêu cầu mỗi giây (Delivery:TenantRequestsPerSecond) phải ≥ 1. / " +
                "Delivery:TenantRequestsPerSecond must be ≥ 1.");
        _tenantCeiling = o.TenantRequestsPerSecond;
        _rampTicks = Math.Max(0, o.RampUp.Ticks);
        _clusterCount = Math.Max(1, o.ThrottleClusterCount);
        _clusterWindowTicks = Math.Max(0, o.ThrottleClusterWindow.Ticks);
        _tenantMarginTicks = _margin.Ticks;
        _tenantRules = TenantRules(_tenantCeiling);
        _conversationRules = [.. o.ParseConversationLimits().Select(r => (r.Count, r.Window + _margin))];
    }

    /// <summary>
    /// The ceiling over any second, and an even pace inside it (a token bucket of depth 1 refilled at the ceiling's rate):
    /// a burst of the whole second's allowance at once would reach the server bunched up, and a little network jitter
    /// would push its tail into the next window; evenly spaced requests leave every window a margin.
    /// </summary>
    private (int Count, TimeSpan Window)[] TenantRules(int perSecond)
    {
        var second = TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(Interlocked.Read(ref _tenantMarginTicks));
        return [(perSecond, second), (1, second / perSecond)];
    }

    /// <summary>How many instances share the tenant ceiling (1 = this process alone).</summary>
    public int Instances => Volatile.Read(ref _instances);

    /// <summary>This instance's part of the tenant ceiling: ⌊ceiling / instances⌋, at least 1 request per second.</summary>
    public int TenantRequestsPerSecond => Math.Max(1, _tenantCeiling / Instances);

    /// <summary>
    /// Tells the limiter that <paramref name="instances"/> instances now share Teams' per-tenant ceiling (from the heartbeats
    /// in the state store): each keeps to its share, so together they stay under the ceiling. Takes effect at the next grant.
    /// </summary>
    public void SetInstances(int instances)
    {
        instances = Math.Max(1, instances);
        if (Interlocked.Exchange(ref _instances, instances) == instances) return;
        Volatile.Write(ref _tenantRules, TenantRules(Math.Max(1, _tenantCeiling / instances)));
    }

    /// <summary>
    /// Reserves the tenant's next slot from <paramref name="from"/> under the current rules (caller holds the log's lock).
    /// Within <see cref="DeliveryOptions.RampUp"/> of the start of a burst (the first grant after a second without any) the
    /// even pace is slower: from half the ceiling's rate up to the full rate, linearly.
    /// </summary>
    private long ReserveTenant(TenantState tenant, long from)
    {
        var log = tenant.Log;
        NarrowMargin(from);
        var rules = Volatile.Read(ref _tenantRules);
        if (!ReferenceEquals(log.Rules, rules)) log.Rules = rules;
        var at = log.Earliest(from);
        if (_rampTicks > 0)
        {
            var last = log.LastTicks;
            var into = last - tenant.BurstStartTicks; // where the burst stood at the previous grant
            if (last == long.MinValue || at - last > TimeSpan.TicksPerSecond) tenant.BurstStartTicks = at;
            else if (into < _rampTicks)
            {
                var pace = rules[^1].Window.Ticks; // the even spacing at the full rate
                var fraction = 0.5 + 0.5 * into / _rampTicks;
                at = Math.Max(at, last + (long)(pace / fraction));
            }
        }
        log.Record(at);
        return at;
    }

    /// <summary>
    /// Reports a 429 of <paramref name="tenantId"/> whose Retry-After ends at <paramref name="until"/>. The caller holds the
    /// throttled message until then; the tenant as a whole is paused only when this 429 is one of a cluster
    /// (<see cref="DeliveryOptions.ThrottleClusterCount"/> within <see cref="DeliveryOptions.ThrottleClusterWindow"/>).
    /// Returns true when the tenant was paused.
    /// </summary>
    public bool Throttled(string tenantId, DateTimeOffset until)
    {
        var t = _tenants.GetOrAdd(tenantId, _ => new TenantState(Volatile.Read(ref _tenantRules)));
        var now = _time.GetUtcNow().UtcTicks;
        bool cluster;
        lock (t.Throttles)
        {
            t.Throttles.Enqueue(now);
            while (t.Throttles.Count > 0 && t.Throttles.Peek() < now - _clusterWindowTicks) t.Throttles.Dequeue();
            cluster = t.Throttles.Count >= _clusterCount;
        }
        if (cluster)
        {
            PauseTenant(tenantId, until);
            WidenMargin(now);
        }
        return cluster;
    }

    /// <summary>The tenant windows' current safety margin (<see cref="DeliveryOptions.WindowSafetyMargin"/>, wider after clustered 429s).</summary>
    public TimeSpan TenantMargin => TimeSpan.FromTicks(Interlocked.Read(ref _tenantMarginTicks));

    /// <summary>
    /// Clustered 429s mean our evenly paced requests reach the server bunched (a busy host, a slow network): the tenant
    /// windows' margin widens by 25 ms (up to 200 ms), and narrows again by 5 ms for every 10 s without a cluster.
    /// </summary>
    private void WidenMargin(long now)
    {
        var max = Math.Max(_margin.Ticks, TimeSpan.FromMilliseconds(200).Ticks);
        SetMargin(Math.Min(max, Interlocked.Read(ref _tenantMarginTicks) + TimeSpan.FromMilliseconds(25).Ticks));
        Interlocked.Exchange(ref _lastWidenedTicks, now);
    }

    private void NarrowMargin(long now)
    {
        var margin = Interlocked.Read(ref _tenantMarginTicks);
        var last = Interlocked.Read(ref _lastWidenedTicks);
        if (margin <= _margin.Ticks || now - last < 10 * TimeSpan.TicksPerSecond) return;
        if (Interlocked.CompareExchange(ref _lastWidenedTicks, now, last) != last) return;
        SetMargin(Math.Max(_margin.Ticks, margin - TimeSpan.FromMilliseconds(5).Ticks));
    }

    private void SetMargin(long ticks)
    {
        Interlocked.Exchange(ref _tenantMarginTicks, ticks);
        Volatile.Write(ref _tenantRules, TenantRules(TenantRequestsPerSecond));
    }

    /// <summary>Number of conversations currently tracked (idle ones are evicted after the longest window).</summary>
    public int TrackedConversations => _conversations.Count;

    /// <summary>When the tenant's pause (after a 429) ends, or null.</summary>
    public DateTimeOffset? PausedUntil(string tenantId) =>
        _tenants.TryGetValue(tenantId, out var t) && t.PausedUntilTicks > _time.GetUtcNow().UtcTicks
            ? new DateTimeOffset(t.PausedUntilTicks, TimeSpan.Zero) : null;

    /// <summary>The tenants paused now (after a 429), with the end of each pause.</summary>
    public IReadOnlyList<(string TenantId, DateTimeOffset Until)> ActivePauses()
    {
        var now = _time.GetUtcNow().UtcTicks;
        return [.. _tenants.Select(kv => (kv.Key, Ticks: Interlocked.Read(ref kv.Value.PausedUntilTicks)))
            .Where(x => x.Ticks > now).Select(x => (x.Key, new DateTimeOffset(x.Ticks, TimeSpan.Zero)))];
    }

    /// <summary>Holds every request of <paramref name="tenantId"/> until <paramref name="until"/> (never shortens a pause).</summary>
    public void PauseTenant(string tenantId, DateTimeOffset until)
    {
        var t = _tenants.GetOrAdd(tenantId, _ => new TenantState(Volatile.Read(ref _tenantRules)));
        var ticks = until.UtcTicks;
        long cur;
        while ((cur = Interlocked.Read(ref t.PausedUntilTicks)) < ticks
               && Interlocked.CompareExchange(ref t.PausedUntilTicks, ticks, cur) != cur) { }
    }

    /// <summary>
    /// Waits until one request of the tenant (and, when given, into the conversation) may be sent, and counts it.
    /// Returns the slot granted (the instant, on the limiter's clock, from which the request may leave).
    /// </summary>
    public async ValueTask<DateTimeOffset> AcquireAsync(string tenantId, string? conversationId, CancellationToken ct)
    {
        var tenant = _tenants.GetOrAdd(tenantId, _ => new TenantState(Volatile.Read(ref _tenantRules)));
        while (true)
        {
            var now = _time.GetUtcNow().UtcTicks;
            long at;
            if (conversationId is null)
            {
                lock (tenant.Log) at = ReserveTenant(tenant, Math.Max(now, Interlocked.Read(ref tenant.PausedUntilTicks)));
            }
            else
            {
                var key = tenantId + "|" + conversationId;
                var conv = _conversations.GetOrAdd(key, _ => new WindowLog(_conversationRules));
                lock (conv)
                {
                    if (conv.Evicted) continue; // raced with eviction: take the live log
                    var earliest = conv.Earliest(now);
                    lock (tenant.Log) at = ReserveTenant(tenant, Math.Max(earliest, Interlocked.Read(ref tenant.PausedUntilTicks)));
                    conv.Record(at);
                }
            }

            var wait = TimeSpan.FromTicks(at - now);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            // A pause that began while this caller waited for its slot: wait for the pause, take a new slot.
            if (Interlocked.Read(ref tenant.PausedUntilTicks) > _time.GetUtcNow().UtcTicks) continue;
            if (Interlocked.Increment(ref _acquisitions) % 4096 == 0) Evict();
            return new DateTimeOffset(at, TimeSpan.Zero);
        }
    }

    private void Evict()
    {
        var longest = _conversationRules.Length == 0 ? TimeSpan.Zero : _conversationRules.Max(r => r.Window);
        var cutoff = _time.GetUtcNow().UtcTicks - longest.Ticks;
        foreach (var (key, log) in _conversations)
        {
            lock (log)
            {
                if (log.LastTicks < cutoff && _conversations.TryRemove(key, out _)) log.Evicted = true;
            }
        }
    }

    private sealed class TenantState((int Count, TimeSpan Window)[] rules)
    {
        public readonly WindowLog Log = new(rules);
        public readonly Queue<long> Throttles = new();
        public long PausedUntilTicks;
        public long BurstStartTicks;
    }

    /// <summary>Timestamps (ticks, non-decreasing) of the grants still inside the longest window.</summary>
    private sealed class WindowLog((int Count, TimeSpan Window)[] rules)
    {
        private readonly List<long> _grants = [];
        private int _head;
        private (int Count, TimeSpan Window)[] _rules = rules;
        private long _longest = Longest(rules);

        private static long Longest((int Count, TimeSpan Window)[] rules) => rules.Length == 0 ? 0 : rules.Max(r => r.Window.Ticks);

        /// <summary>The windows (changed under the caller's lock when the number of instances changes).</summary>
        public (int Count, TimeSpan Window)[] Rules
        {
            get => _rules;
            set { _rules = value; _longest = Math.Max(_longest, Longest(value)); }
        }

        public bool Evicted;

        public long LastTicks => _grants.Count > _head ? _grants[^1] : long.MinValue;

        /// <summary>Earliest instant ≥ <paramref name="from"/> at which one more grant keeps every window within its count.</summary>
        public long Earliest(long from)
        {
            var at = Math.Max(from, LastTicks);
            var live = _grants.Count - _head;
            foreach (var (count, window) in _rules)
            {
                // The count-th most recent grant must have left the window.
                if (live >= count) at = Math.Max(at, _grants[_grants.Count - count] + window.Ticks);
            }
            return at;
        }

        public void Record(long at)
        {
            _grants.Add(at);
            // Forget grants older than the longest window (they constrain nothing); compact now and then.
            while (_head < _grants.Count && _grants[_head] < at - _longest) _head++;
            if (_head > 1024 && _head > _grants.Count / 2)
            {
                _grants.RemoveRange(0, _head);
                _head = 0;
            }
        }
    }
}
