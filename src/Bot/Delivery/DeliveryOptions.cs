namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Proactive delivery settings (configuration section "Delivery"). Rate limits default to Teams' published limits
/// (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit): per bot per thread 7 / 1 s, 8 / 2 s, 60 / 30 s,
/// 1800 / 3600 s (send and create conversation alike); per app per tenant 50 requests per second.
/// </summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";
    public const string QueueName = "delivery";

    /// <summary>Run the delivery worker in this process (false: only enqueue; another instance sends).</summary>
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>Run the reminder scheduler in this process. Several instances may run it: idempotency keys dedupe.</summary>
    public bool RemindersEnabled { get; set; } = true;

    /// <summary>Independent claim loops per process (each claims <see cref="BatchSize"/> items with a lease).</summary>
    public int Workers { get; set; } = 2;
    /// <summary>Items claimed per batch.</summary>
    public int BatchSize { get; set; } = 64;
    /// <summary>Concurrent sends per worker loop (all loops share the rate limiter).</summary>
    public int Concurrency { get; set; } = 32;
    /// <summary>Lease on claimed items; renewed every third of it while a batch runs.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Sleep when the queue is empty.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How long a stopping worker lets in-flight sends finish and commit before giving up on them.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Timeout of one connector call.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts (queue retries) before an item is Failed.</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>429 answers retried in process (after the tenant pause) before the item goes back to the queue.</summary>
    public int MaxThrottleRetries { get; set; } = 8;
    /// <summary>Base and cap of the exponential backoff (full jitter) for transient failures without Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Pause of the tenant when a 429 has no Retry-After.</summary>
    public TimeSpan DefaultThrottlePause { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Per app per tenant ceiling (requests per second) of the whole deployment. Teams: 50. Shared by every worker of a
    /// process, and split between the live instances of the deployment (heartbeats in the state store): each of N
    /// instances sends at most ⌊ceiling / N⌋ per second.
    /// </summary>
    public int TenantRequestsPerSecond { get; set; } = 50;
    /// <summary>How often an instance records its heartbeat, re-reads the number of live instances and exchanges pauses.</summary>
    public TimeSpan CoordinationInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>An instance without a heartbeat for this long no longer counts (a crashed instance's share is taken back).</summary>
    public TimeSpan InstanceTimeToLive { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Per bot per conversation windows ("count/seconds"). Teams: 7/1, 8/2, 60/30, 1800/3600.</summary>
    public List<string> ConversationLimits { get; set; } = ["7/1", "8/2", "60/30", "1800/3600"];
    /// <summary>
    /// Client-side safety margin on every window (the server measures arrival, we measure departure, and a loaded host
    /// delays some departures more than others). A lone 429 holds only its own message (see <see cref="ThrottleClusterCount"/>),
    /// so tens of milliseconds are enough: 50 ms gives up under 5 % of the ceiling (a busy 2-core host still bunched
    /// requests by 20 ms and more in the benchmark). The tenant windows' margin widens by itself after clustered 429s and
    /// comes back to this value (DeliveryRateLimiter.TenantMargin).
    /// </summary>
    public TimeSpan WindowSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(50);
    /// <summary>
    /// After a second without requests, the tenant's pace ramps from half the ceiling to the full ceiling over this long
    /// (the first requests of a burst reach the server late and bunched). Zero: full pace at once.
    /// </summary>
    public TimeSpan RampUp { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// A 429 holds only the throttled message for its Retry-After; this many 429s of one tenant within
    /// <see cref="ThrottleClusterWindow"/> pause the whole tenant (the service is telling the app to slow down).
    /// </summary>
    public int ThrottleClusterCount { get; set; } = 3;
    public TimeSpan ThrottleClusterWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Write a per-key "sending" journal entry before each connector call (detects possible duplicates after a crash).</summary>
    public bool SendJournal { get; set; } = true;

    /// <summary>
    /// Tenant mode: install the Teams app for a member who has no conversation with the bot (Microsoft Graph
    /// POST /users/{id}/teamwork/installedApps), then create the 1:1 conversation. Needs <see cref="TeamsAppCatalogId"/>
    /// and a GraphServiceClient with TeamsAppInstallation.ReadWriteSelfForUser.All (application permission).
    /// </summary>
    public bool InstallForUsers { get; set; }
    /// <summary>The app's id in the tenant app catalog (appCatalogs/teamsApps/{id}), not the manifest id.</summary>
    public string? TeamsAppCatalogId { get; set; }
    /// <summary>
    /// A member the bot cannot reach yet (CreateConversation answers 403/404: app not installed, install not propagated,
    /// UserNotFound) waits instead of failing: the item is tried again after max(base, its age), capped at
    /// <see cref="WaitingRetryMax"/> (exponential in effect), and at once when the member installs or opens the bot.
    /// </summary>
    public TimeSpan WaitingRetryBase { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan WaitingRetryMax { get; set; } = TimeSpan.FromHours(6);
    /// <summary>Connector service URL used to create conversations when no conversation of the tenant is stored yet.</summary>
    public string ServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";
    /// <summary>The bot's id as a channel account ("28:{appId}"); default from Bot:MicrosoftAppId.</summary>
    public string? BotId { get; set; }
    public string BotName { get; set; } = "TeamsPlans";

    /// <summary>Tenants the reminder scheduler looks at (the state store has no tenant list).</summary>
    public List<string> Tenants { get; set; } = [];
    /// <summary>Scheduler tick.</summary>
    public TimeSpan ReminderTick { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How far back the scheduler catches up missed reminders (first start, outage); older ones are dropped.</summary>
    public TimeSpan ReminderCatchUp { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Public holidays (yyyy-MM-dd) skipped like weekends, for every plan.</summary>
    public List<string> Holidays { get; set; } = [];
    /// <summary>Default reminder offsets (days before) and send time for plans without their own policy.</summary>
    public List<int> ReminderOffsetsDays { get; set; } = [7, 1];
    public TimeOnly ReminderSendTime { get; set; } = new(8, 0);
    public string TimeZoneId { get; set; } = "Asia/Ho_Chi_Minh";

    internal IReadOnlyList<(int Count, TimeSpan Window)> ParseConversationLimits()
    {
        var list = new List<(int, TimeSpan)>();
        foreach (var s in ConversationLimits)
        {
            var parts = s.Split('/', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], out var n) || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var sec) || n < 1 || sec <= 0)
                throw new InvalidOperationException($"Giới hạn Delivery:ConversationLimits '{s}' không đúng dạng 'số/giây'. / " +
                    $"Delivery:ConversationLimits '{s}' is not 'count/seconds'.");
            list.Add((n, TimeSpan.FromSeconds(sec)));
        }
        return list;
    }
}
