using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TeamsPlans.Bot.Hosting;

/// <summary>
/// The bot's OpenTelemetry instruments. Every component starts its spans from <see cref="ActivitySource"/> and counts with
/// the counters below; <see cref="TelemetryServiceCollectionExtensions.AddTeamsPlansTelemetry"/> subscribes to every
/// "TeamsPlans.*" source and meter. Tags are low-cardinality (activity type, action, outcome, tenant) — never user ids,
/// message text or secrets.
/// </summary>
public static class TeamsPlansTelemetry
{
    public const string Name = "TeamsPlans.Bot";
    /// <summary>Wildcard the telemetry pipeline subscribes to (sources and meters of every TeamsPlans component).</summary>
    public const string Wildcard = "TeamsPlans.*";

    private static readonly string? Version = typeof(TeamsPlansTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource ActivitySource = new(Name, Version);
    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Incoming activities handled on /api/messages. Tags: activity.type, outcome (ok | error | rejected), tenant.</summary>
    public static readonly Counter<long> MessagesHandled = Meter.CreateCounter<long>(
        "teamsplans.bot.messages.handled", "{activity}", "Activities handled on /api/messages");

    /// <summary>Card actions (Action.Execute / invoke). Tags: action (confirm, report, ...), outcome.</summary>
    public static readonly Counter<long> InvokeActions = Meter.CreateCounter<long>(
        "teamsplans.bot.invoke.actions", "{action}", "Invoke (card) actions handled");

    /// <summary>Proactive deliveries (assignment cards, reminders). Tags: kind, outcome (sent | retried | blocked | failed).</summary>
    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "teamsplans.delivery.attempts", "{delivery}", "Proactive message delivery attempts");

    /// <summary>SharePoint/Planner sync operations. Tags: operation (push | poll | import), outcome.</summary>
    public static readonly Counter<long> SyncOperations = Meter.CreateCounter<long>(
        "teamsplans.sync.operations", "{operation}", "SharePoint/Planner sync operations");

    /// <summary>Time to handle one incoming activity, in seconds. Tags: activity.type, outcome.</summary>
    public static readonly Histogram<double> MessageDuration = Meter.CreateHistogram<double>(
        "teamsplans.bot.messages.duration", "s", "Time to handle one incoming activity");

    /// <summary>Starts the span of one incoming activity (null when nobody listens).</summary>
    public static Activity? StartMessage(string activityType, string? tenantId = null)
    {
        var activity = ActivitySource.StartActivity("bot.message " + activityType, ActivityKind.Server);
        activity?.SetTag("teamsplans.activity.type", activityType);
        if (tenantId is not null) activity?.SetTag("teamsplans.tenant", tenantId);
        return activity;
    }

    /// <summary>Counts one handled activity and records its duration.</summary>
    public static void RecordMessage(string activityType, string outcome, TimeSpan elapsed, string? tenantId = null)
    {
        var tags = new TagList { { "activity.type", activityType }, { "outcome", outcome } };
        if (tenantId is not null) tags.Add("tenant", tenantId);
        MessagesHandled.Add(1, tags);
        MessageDuration.Record(elapsed.TotalSeconds, tags);
    }

    public static void RecordInvoke(string action, string outcome) =>
        InvokeActions.Add(1, new TagList { { "action", action }, { "outcome", outcome } });

    public static void RecordDelivery(string kind, string outcome) =>
        Deliveries.Add(1, new TagList { { "kind", kind }, { "outcome", outcome } });

    public static void RecordSync(string operation, string outcome) =>
        SyncOperations.Add(1, new TagList { { "operation", operation }, { "outcome", outcome } });
}
