using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TeamsPlans.Bot.Hosting;

/// <summary>
/// The bot's OpenTelemetry instruments: ActivitySource and Meter "TeamsPlans.Bot". Other components have their own
/// ("TeamsPlans.Delivery" counters in DeliveryMetrics, "TeamsPlans.GraphSync" for sync);
/// <see cref="TelemetryServiceCollectionExtensions.AddTeamsPlansTelemetry"/> subscribes to every "TeamsPlans.*" source and
/// meter. Tags are low-cardinality (activity type, action, outcome, kind, tenant) — never user ids, message text or secrets.
/// </summary>
internal static class TeamsPlansTelemetry
{
    public const string Name = "TeamsPlans.Bot";
    /// <summary>Wildcard the telemetry pipeline subscribes to (sources and meters of every TeamsPlans component).</summary>
    public const string Wildcard = "TeamsPlans.*";

    private static readonly string? Version = typeof(TeamsPlansTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource ActivitySource = new(Name, Version);
    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Incoming activities handled on /api/messages. Tags: activity.type, outcome (ok | rejected | error), tenant.</summary>
    public static readonly Counter<long> MessagesHandled = Meter.CreateCounter<long>(
        "teamsplans.bot.messages.handled", "{activity}", "Activities handled on /api/messages");

    /// <summary>Time to handle one incoming activity, in seconds. Tags: activity.type, outcome.</summary>
    public static readonly Histogram<double> MessageDuration = Meter.CreateHistogram<double>(
        "teamsplans.bot.messages.duration", "s", "Time to handle one incoming activity");

    /// <summary>Card actions (invoke activities). Tags: action (the Action.Execute verb or the invoke name), outcome.</summary>
    public static readonly Counter<long> InvokeActions = Meter.CreateCounter<long>(
        "teamsplans.bot.invoke.actions", "{action}", "Invoke (card) actions handled");

    /// <summary>Proactive delivery attempts (assignment cards, reminders, digests). Tags: kind, outcome
    /// (Sent, Retried, Blocked, Failed, Skipped, Released, LeaseLost, Error), tenant.</summary>
    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "teamsplans.delivery.attempts", "{delivery}", "Proactive message delivery attempts");

    /// <summary>Time to process one delivery item (build, rate-limit wait, connector call, commit), in seconds.</summary>
    public static readonly Histogram<double> DeliveryDuration = Meter.CreateHistogram<double>(
        "teamsplans.delivery.duration", "s", "Time to process one delivery item");

    /// <summary>Starts the span of one incoming activity (null when nobody listens). Internal: ASP.NET Core owns the server span.</summary>
    public static Activity? StartMessage()
        => ActivitySource.StartActivity("bot.message", ActivityKind.Internal);

    /// <summary>Completes the span of one incoming activity and counts it.</summary>
    public static void RecordMessage(Activity? span, string activityType, string outcome, TimeSpan elapsed, string? tenantId = null,
        string? invokeAction = null)
    {
        var tags = new TagList { { "activity.type", activityType }, { "outcome", outcome } };
        if (tenantId is not null) tags.Add("tenant", tenantId);
        MessagesHandled.Add(1, tags);
        MessageDuration.Record(elapsed.TotalSeconds, tags);
        if (invokeAction is not null) InvokeActions.Add(1, new TagList { { "action", invokeAction }, { "outcome", outcome } });
        if (span is null) return;
        span.DisplayName = "bot.message " + activityType;
        span.SetTag("teamsplans.activity.type", activityType);
        span.SetTag("teamsplans.outcome", outcome);
        if (tenantId is not null) span.SetTag("teamsplans.tenant", tenantId);
        if (invokeAction is not null) span.SetTag("teamsplans.invoke.action", invokeAction);
        if (outcome == "error") span.SetStatus(ActivityStatusCode.Error);
    }

    /// <summary>Starts the span of one proactive delivery (null when nobody listens).</summary>
    public static Activity? StartDelivery(string tenantId, string kind, int attempts)
    {
        var span = ActivitySource.StartActivity("delivery " + kind, ActivityKind.Producer);
        span?.SetTag("teamsplans.tenant", tenantId);
        span?.SetTag("teamsplans.delivery.kind", kind);
        span?.SetTag("teamsplans.delivery.attempt", attempts + 1);
        return span;
    }

    /// <summary>Counts one delivery attempt and closes its span's tags.</summary>
    public static void RecordDelivery(Activity? span, string tenantId, string kind, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "kind", kind }, { "outcome", outcome }, { "tenant", tenantId } };
        Deliveries.Add(1, tags);
        DeliveryDuration.Record(elapsed.TotalSeconds, tags);
        if (span is null) return;
        span.SetTag("teamsplans.outcome", outcome);
        if (outcome is "Error" or "Failed" or "LeaseLost") span.SetStatus(ActivityStatusCode.Error);
    }
}
