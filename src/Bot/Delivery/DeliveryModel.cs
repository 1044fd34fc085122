using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPlans.Bot.Delivery;

/// <summary>The payload of a "delivery" queue item (JSON). Content is built at send time from the current state.</summary>
internal sealed record DeliveryPayload
{
    public required string TenantId { get; init; }
    public required string Kind { get; init; }
    /// <summary>Recipient (Entra object id).</summary>
    public required string MemberAadObjectId { get; init; }
    public string? PlanId { get; init; }
    public string? AssignmentId { get; init; }
    /// <summary>Last day of the deadline occurrence (yyyy-MM-dd), for reminders; the digest's day for digests.</summary>
    public string? DueDay { get; init; }
    /// <summary>Reminder code: "before-7", "before-1", "overdue", "manual".</summary>
    public string? Code { get; init; }
    /// <summary>Digest: title and lines, in the head's language, built when enqueued.</summary>
    public string? Title { get; init; }
    public List<string>? Lines { get; init; }
    /// <summary>Card kind: the Adaptive Card JSON, built in the recipient's language when the action was handled.</summary>
    public string? CardJson { get; init; }
    /// <summary>Notice kind: the posted card (conversation, activity) the prebuilt card replaces.</summary>
    public string? ConversationId { get; init; }
    public string? ActivityId { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DeliveryPayload? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var p = JsonSerializer.Deserialize<DeliveryPayload>(json, Json);
            return p is null || string.IsNullOrWhiteSpace(p.TenantId) || string.IsNullOrWhiteSpace(p.Kind)
                || string.IsNullOrWhiteSpace(p.MemberAadObjectId) ? null : p;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What a sent item's ResultJson records (the durable "sent" record).</summary>
internal sealed record DeliveryResult
{
    public string? ActivityId { get; init; }
    public string? ConversationId { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    /// <summary>Not sent on purpose (member done, reassigned, ...): the reason.</summary>
    public string? Skipped { get; init; }
    /// <summary>A previous attempt reached the connector and its outcome is unknown: this send may be a duplicate.</summary>
    public bool PossibleDuplicate { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DeliveryResult? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<DeliveryResult>(json, Json); }
        catch (JsonException) { return null; }
    }
}

/// <summary>
/// Meter "TeamsPlans.Delivery" (for OpenTelemetry: AddMeter("TeamsPlans.Delivery")): counters sent, failed, blocked,
/// throttled, skipped, possible_duplicates; histogram of connector latency.
/// </summary>
internal sealed class DeliveryMetrics
{
    public const string MeterName = "TeamsPlans.Delivery";

    public DeliveryMetrics(IMeterFactory meters)
    {
        var m = meters.Create(MeterName);
        Sent = m.CreateCounter<long>("teamsplans.delivery.sent", "{message}", "Proactive messages delivered");
        Failed = m.CreateCounter<long>("teamsplans.delivery.failed", "{message}", "Deliveries failed for good");
        Blocked = m.CreateCounter<long>("teamsplans.delivery.blocked", "{message}", "Members who blocked the bot (403 MessageWritesBlocked)");
        Throttled = m.CreateCounter<long>("teamsplans.delivery.throttled", "{response}", "429 answers from the connector");
        Retried = m.CreateCounter<long>("teamsplans.delivery.retried", "{message}", "Items put back in the queue for a later attempt");
        Skipped = m.CreateCounter<long>("teamsplans.delivery.skipped", "{message}", "Items not sent on purpose (done, reassigned)");
        PossibleDuplicates =
            m.CreateCounter<long>("teamsplans.delivery.possible_duplicates", "{message}", "Sends after an attempt whose outcome is unknown");
        Latency = m.CreateHistogram<double>("teamsplans.delivery.connector_latency", "ms", "Connector call latency");
    }

    public Counter<long> Sent { get; }
    public Counter<long> Failed { get; }
    public Counter<long> Blocked { get; }
    public Counter<long> Throttled { get; }
    public Counter<long> Retried { get; }
    public Counter<long> Skipped { get; }
    public Counter<long> PossibleDuplicates { get; }
    public Histogram<double> Latency { get; }

    internal static KeyValuePair<string, object?> Tag(string kind) => new("kind", kind);
}
