// A fake Bot Connector (Teams) service on a real Kestrel listener at 127.0.0.1:0, shared by the delivery tests and the
// delivery benchmark (both reference tests/TeamsPlans.Testing). Implements POST /v3/conversations and
// POST /v3/conversations/{id}/activities, enforces Teams' per-conversation and per-tenant windows with 429 + Retry-After,
// and injects random 429s and 403 MessageWritesBlocked for chosen members. Test support only: never part of the product.
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeamsPlans.Testing;

public sealed class FakeConnectorOptions
{
    /// <summary>Per tenant ceiling, requests per second (Teams: 50).</summary>
    public int TenantRequestsPerSecond { get; set; } = 50;
    /// <summary>Per conversation windows (Teams: 7/1 s, 8/2 s, 60/30 s, 1800/3600 s).</summary>
    public List<(int Count, TimeSpan Window)> ConversationLimits { get; set; } =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];
    /// <summary>Probability of a random 429 on a request that is within the limits.</summary>
    public double Random429Probability { get; set; }
    /// <summary>Retry-After of injected 429s (limit violations answer with the time until the window frees up, at least 1 s).</summary>
    public TimeSpan RandomRetryAfter { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Members (Entra object ids) who blocked the bot: posting to them answers 403 MessageWritesBlocked.</summary>
    public HashSet<string> BlockedMembers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Members whose posts answer 503 (the service unavailable, nothing posted; Teams documents it as retryable).</summary>
    public HashSet<string> UnavailableMembers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Members whose posts answer 500 (a connector fault) without posting anything.</summary>
    public HashSet<string> ServerErrorMembers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Keep each accepted post's JSON body in <see cref="FakePost.Body"/> (off in the benchmark to measure the sender, not the fake).</summary>
    public bool KeepBodies { get; set; } = true;
    /// <summary>Members for whom CreateConversation answers 403 ForbiddenOperationException (app not installed): the
    /// product keeps their deliveries waiting.</summary>
    public HashSet<string> NotInstalledMembers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Time of the windows (a scaled clock in the benchmark).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
    /// <summary>Added latency per request (real time).</summary>
    public TimeSpan Latency { get; set; }
    public int Seed { get; set; } = 12345;
    /// <summary>Largest activity accepted, UTF-16 bytes of the JSON body; above it 413 MessageSizeTooBig (Teams counts the
    /// whole activity in UTF-16; documented 100 KB with 80 KB recommended today, 40 KB in older copies: the fake keeps 40 KB).</summary>
    public int MaxActivityBytes { get; set; } = FakeConnectorServer.DefaultMaxActivityBytes;
}

/// <summary>One accepted post.</summary>
public sealed record FakePost(string ConversationId, string? MemberAadObjectId, string TenantId, string ActivityId, string ContentHash, long AtTicks, string Body);

public sealed class FakeConnectorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Random _random;
    private readonly Dictionary<string, List<long>> _tenantLog = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _conversationLog = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _offeredLog = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Member, string Tenant)> _conversations = new(StringComparer.Ordinal);
    private long _activityIds;
    private int _throttled, _limitViolations, _forbidden, _created, _requests, _tooLarge;

    private FakeConnectorServer(WebApplication app, FakeConnectorOptions options)
    {
        _app = app;
        Options = options;
        _random = new Random(options.Seed);
    }

    public FakeConnectorOptions Options { get; }
    /// <summary>Base URL ("http://127.0.0.1:port/") to use as the serviceUrl.</summary>
    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<FakePost> Posts { get; } = new();
    /// <summary>Accepted posts per conversation id.</summary>
    public ConcurrentDictionary<string, int> PostsPerConversation { get; } = new(StringComparer.Ordinal);
    /// <summary>Every request (accepted or not) to post into a member's conversation, by member.</summary>
    public ConcurrentDictionary<string, int> PostAttemptsPerMember { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>429 answers (random + limit violations).</summary>
    public int Throttled => Volatile.Read(ref _throttled);
    /// <summary>429 answers because a window was exceeded (the client's limiter should keep this at 0).</summary>
    public int LimitViolations => Volatile.Read(ref _limitViolations);
    public int Forbidden => Volatile.Read(ref _forbidden);
    public int ConversationsCreated => Volatile.Read(ref _created);
    public int Requests => Volatile.Read(ref _requests);
    /// <summary>Called after each accepted post with the number of accepted posts so far (e.g. to kill the sender).</summary>
    public Action<int>? OnPosted { get; set; }
    /// <summary>Peak requests seen in any 1 s window of the server's clock, per tenant.</summary>
    public int PeakTenantRequestsPerSecond { get; private set; }
    /// <summary>Peak requests that arrived (admitted or answered 429) in any 1 s window, per tenant: the load the senders offered.</summary>
    public int PeakTenantOfferedPerSecond { get; private set; }

    /// <summary>The conversation id Teams would give the 1:1 chat of the bot with a member (stable per member).</summary>
    public static string ConversationIdFor(string aadObjectId) => "a:conv-" + aadObjectId;

    private readonly ConcurrentDictionary<string, int> _generation = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The member's chat history was removed (or the conversation otherwise lost): posting to <paramref name="conversationId"/>
    /// answers 404 ConversationNotFound from now on, and CreateConversation gives the member a new conversation id.
    /// </summary>
    public void ExpireConversation(string conversationId)
    {
        if (_conversations.TryRemove(conversationId, out var c)) _generation.AddOrUpdate(c.Member, 2, (_, g) => g + 1);
    }

    /// <summary>The conversation id CreateConversation gives the member now (a new one after <see cref="ExpireConversation"/>).</summary>
    public string CurrentConversationIdFor(string aadObjectId) =>
        _generation.TryGetValue(aadObjectId, out var g) ? ConversationIdFor(aadObjectId) + "-" + g.ToString(CultureInfo.InvariantCulture) : ConversationIdFor(aadObjectId);

    /// <summary>Registers an existing 1:1 conversation (as if the member had installed the app before).</summary>
    public void AddConversation(string conversationId, string memberAadObjectId, string tenantId) =>
        _conversations[conversationId] = (memberAadObjectId, tenantId);

    public static async Task<FakeConnectorServer> StartAsync(FakeConnectorOptions? options = null)
    {
        options ??= new FakeConnectorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        var app = builder.Build();
        var server = new FakeConnectorServer(app, options);
        app.MapPost("/v3/conversations", async http => await (await server.CreateConversationAsync(http)).ExecuteAsync(http));
        app.MapPost("/v3/conversations/{id}/activities", async http =>
            await (await server.PostActivityAsync(http, (string)http.Request.RouteValues["id"]!)).ExecuteAsync(http));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/";
        return server;
    }

    /// <summary>Accepted posts grouped by (conversation, content): any group above one is a duplicate.</summary>
    public int Duplicates => Posts.GroupBy(p => (p.ConversationId, p.ContentHash)).Sum(g => g.Count() - 1);

    private async Task<IResult> CreateConversationAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        if (Options.Latency > TimeSpan.Zero) await Task.Delay(Options.Latency).ConfigureAwait(false);
        var body = await JsonNode.ParseAsync(http.Request.Body).ConfigureAwait(false) as JsonObject;
        // As Teams does: the tenant from channelData.tenant.id (the top-level tenantId is not what Teams reads), the member
        // from members[0].id (a "29:" id or the Entra object id; aadObjectId alone is not enough).
        var tenant = body?["channelData"]?["tenant"]?["id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(tenant))
            return Results.Json(new { error = new { code = "BadArgument", message = "channelData.tenant.id is required" } }, statusCode: 400);
        var member = body?["members"]?[0] is JsonObject m ? m["id"]?.GetValue<string>() : null;
        if (member is not null && member.StartsWith("29:", StringComparison.Ordinal)) member = member[3..];
        if (string.IsNullOrEmpty(member) || body?["isGroup"]?.GetValue<bool>() == true)
            return Results.Json(new { error = new { code = "BadArgument", message = "members[0] and isGroup=false are required" } }, statusCode: 400);
        var denied = Admit(tenant, null, out var retryAfter);
        if (denied is not null) return denied(http, retryAfter);
        if (Options.NotInstalledMembers.Contains(member))
        {
            Interlocked.Increment(ref _forbidden);
            return Results.Json(new { error = new { code = "ForbiddenOperationException", message = "Bot is not installed in user's personal scope" } }, statusCode: 403);
        }
        var id = CurrentConversationIdFor(member);
        _conversations[id] = (member, tenant);
        Interlocked.Increment(ref _created);
        return Results.Json(new { id });
    }

    /// <summary>The older documented Teams message limit (40 KB), counted as Teams does: the activity's JSON in UTF-16.</summary>
    public const int DefaultMaxActivityBytes = 40 * 1024;

    /// <summary>True when the JSON body is over <paramref name="maxBytes"/> counted in UTF-16 (2 bytes per UTF-16 code unit).</summary>
    public static bool TooBig(string json, int maxBytes) => (long)json.Length * 2 > maxBytes;

    /// <summary>Teams' answer to a message over its limit (msteams-docs, "Status code responses": 413 MessageSizeTooBig).</summary>
    public static IResult MessageSizeTooBig() =>
        Results.Json(new { error = new { code = "MessageSizeTooBig", message = "Message size too large." } }, statusCode: 413);

    /// <summary>Posts answered 413 MessageSizeTooBig.</summary>
    public int TooLarge => Volatile.Read(ref _tooLarge);

    private async Task<IResult> PostActivityAsync(HttpContext http, string id)
    {
        Interlocked.Increment(ref _requests);
        if (Options.Latency > TimeSpan.Zero) await Task.Delay(Options.Latency).ConfigureAwait(false);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        if (TooBig(text, Options.MaxActivityBytes))
        {
            Interlocked.Increment(ref _tooLarge);
            return MessageSizeTooBig();
        }
        if (JsonNode.Parse(text) is not JsonObject activity || activity["type"]?.GetValue<string>() != "message")
            return Results.Json(new { error = new { code = "BadArgument", message = "a message activity is required" } }, statusCode: 400);
        var (member, tenant) = _conversations.TryGetValue(id, out var c) ? c : (null, "default");
        if (member is null)
            return Results.Json(new { error = new { code = "ConversationNotFound", message = "Conversation not found." } }, statusCode: 404);
        PostAttemptsPerMember.AddOrUpdate(member, 1, (_, n) => n + 1);
        var denied = Admit(tenant, id, out var retryAfter);
        if (denied is not null) return denied(http, retryAfter);
        if (Options.UnavailableMembers.Contains(member))
            return Results.Json(new { error = new { code = "ServiceUnavailable", message = "Service unavailable." } }, statusCode: 503);
        if (Options.ServerErrorMembers.Contains(member))
            return Results.Json(new { error = new { code = "ServiceError", message = "Internal server error." } }, statusCode: 500);
        if (Options.BlockedMembers.Contains(member))
        {
            Interlocked.Increment(ref _forbidden);
            return Results.Json(new
            {
                error = new { code = "Forbidden", message = "User blocked the conversation with the bot.", innerHttpError = new { statusCode = 403, subCode = "MessageWritesBlocked" } },
            }, statusCode: 403);
        }
        var activityId = "1:" + Interlocked.Increment(ref _activityIds).ToString(CultureInfo.InvariantCulture);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Posts.Enqueue(new FakePost(id, member, tenant, activityId, hash, Options.Time.GetUtcNow().UtcTicks, Options.KeepBodies ? text : ""));
        PostsPerConversation.AddOrUpdate(id, 1, (_, n) => n + 1);
        OnPosted?.Invoke(Posts.Count);
        return Results.Json(new { id = activityId });
    }

    /// <summary>Counts the request in the tenant (and conversation) windows, or returns the 429 to answer.</summary>
    private Func<HttpContext, TimeSpan, IResult>? Admit(string tenant, string? conversationId, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        lock (_gate)
        {
            var now = Options.Time.GetUtcNow().UtcTicks;
            var offered = Log(_offeredLog, tenant);
            offered.Add(now);
            var cut = 0;
            while (cut < offered.Count && offered[cut] <= now - TimeSpan.TicksPerSecond) cut++;
            if (cut > 0) offered.RemoveRange(0, cut);
            if (offered.Count > PeakTenantOfferedPerSecond) PeakTenantOfferedPerSecond = offered.Count;
            var tlog = Log(_tenantLog, tenant);
            var wait = WaitFor(tlog, now, [(Options.TenantRequestsPerSecond, TimeSpan.FromSeconds(1))]);
            List<long>? clog = null;
            if (conversationId is not null)
            {
                clog = Log(_conversationLog, conversationId);
                var cw = WaitFor(clog, now, Options.ConversationLimits);
                if (cw > wait) wait = cw;
            }
            if (wait > 0)
            {
                _limitViolations++;
                _throttled++;
                retryAfter = TimeSpan.FromTicks(wait);
                return TooMany;
            }
            if (Options.Random429Probability > 0 && _random.NextDouble() < Options.Random429Probability)
            {
                _throttled++;
                retryAfter = Options.RandomRetryAfter;
                return TooMany;
            }
            tlog.Add(now);
            clog?.Add(now);
            var inLastSecond = CountSince(tlog, now - TimeSpan.TicksPerSecond);
            if (inLastSecond > PeakTenantRequestsPerSecond) PeakTenantRequestsPerSecond = inLastSecond;
            return null;
        }
    }

    private static IResult TooMany(HttpContext http, TimeSpan retryAfter)
    {
        // Retry-After in whole seconds, as Teams sends it (at least 1).
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { error = new { code = "TooManyRequests", message = "Too many requests." } }, statusCode: 429);
    }

    private static List<long> Log(Dictionary<string, List<long>> logs, string key)
    {
        if (!logs.TryGetValue(key, out var l)) logs[key] = l = [];
        return l;
    }

    /// <summary>Ticks until one more request fits every window (0 = now).</summary>
    private static long WaitFor(List<long> log, long now, IEnumerable<(int Count, TimeSpan Window)> rules)
    {
        long wait = 0;
        var longest = 0L;
        foreach (var (count, window) in rules)
        {
            longest = Math.Max(longest, window.Ticks);
            var since = now - window.Ticks;
            var inWindow = CountSince(log, since);
            if (inWindow >= count)
            {
                // The oldest request that must leave the window: the count-th most recent.
                var w = log[log.Count - count] + window.Ticks - now;
                if (w > wait) wait = Math.Max(1, w);
            }
        }
        // Trim entries older than the longest window.
        var cut = 0;
        while (cut < log.Count && log[cut] <= now - longest) cut++;
        if (cut > 0) log.RemoveRange(0, cut);
        return wait;
    }

    private static int CountSince(List<long> log, long sinceExclusive)
    {
        var n = 0;
        for (var i = log.Count - 1; i >= 0 && log[i] > sinceExclusive; i--) n++;
        return n;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>
/// A clock that runs <see cref="Scale"/> times faster than real time (timers and delays shortened accordingly), so a
/// run limited to 50 requests per (scaled) second completes <see cref="Scale"/> times sooner. Figures measured on this
/// clock are "scaled"; multiply rates by <see cref="Scale"/> for real-time figures.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly long _startTimestamp = global::System.Diagnostics.Stopwatch.GetTimestamp();

    public ScaledTimeProvider(double scale)
    {
        if (scale <= 0) throw new ArgumentOutOfRangeException(nameof(scale));
        Scale = scale;
    }

    public double Scale { get; }

    public override DateTimeOffset GetUtcNow() =>
        _start + TimeSpan.FromTicks((long)(global::System.Diagnostics.Stopwatch.GetElapsedTime(_startTimestamp).Ticks * Scale));

    public override long GetTimestamp() => (long)(global::System.Diagnostics.Stopwatch.GetTimestamp() * Scale);
    public override long TimestampFrequency => global::System.Diagnostics.Stopwatch.Frequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(this, TimeProvider.System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)));

    private TimeSpan Shrink(TimeSpan t) => t == Timeout.InfiniteTimeSpan || t <= TimeSpan.Zero ? t : TimeSpan.FromTicks(Math.Max(1, (long)(t.Ticks / Scale)));

    private sealed class ScaledTimer(ScaledTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Shrink(dueTime), owner.Shrink(period));
        public void Dispose() => inner.Dispose();
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
