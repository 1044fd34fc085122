using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Traces and metrics of the SharePoint/Planner sync: ActivitySource and Meter "TeamsPlans.GraphSync" (the bot's telemetry
/// pipeline subscribes to "TeamsPlans.*"). One span per operation (sync.plan, sync.drain, sync.poll); counter
/// <c>teamsplans.sync.operations</c> and histogram <c>teamsplans.sync.duration</c> tagged with operation and outcome
/// (ok | error). Tags never carry user ids, titles or secrets.
/// </summary>
internal static class GraphSyncTelemetry
{
    public const string Name = "TeamsPlans.GraphSync";

    public static readonly ActivitySource ActivitySource = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Operations = Meter.CreateCounter<long>(
        "teamsplans.sync.operations", "{operation}", "SharePoint/Planner sync operations");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "teamsplans.sync.duration", "s", "Duration of one sync operation");

    /// <summary>Starts one operation; call <see cref="SyncOperation.Complete"/> when it succeeded, dispose it in every case.</summary>
    public static SyncOperation Start(string operation, string? tenantId = null) => new(operation, tenantId);
}

/// <summary>One sync operation: a span plus, on dispose, the counter and duration with outcome ok (completed) or error.</summary>
internal sealed class SyncOperation : IDisposable
{
    private readonly string _operation;
    private readonly string? _tenant;
    private readonly long _started = Stopwatch.GetTimestamp();
    private bool _completed;
    private bool _disposed;

    internal SyncOperation(string operation, string? tenantId)
    {
        _operation = operation;
        _tenant = tenantId;
        Span = GraphSyncTelemetry.ActivitySource.StartActivity("sync." + operation, ActivityKind.Internal);
        Span?.SetTag("teamsplans.sync.operation", operation);
        if (tenantId is not null) Span?.SetTag("teamsplans.tenant", tenantId);
    }

    public Activity? Span { get; }

    /// <summary>Marks the operation successful and adds a count (e.g. tasks, changes) to the span.</summary>
    public void Complete(int? count = null)
    {
        _completed = true;
        if (count is not null) Span?.SetTag("teamsplans.sync.count", count.Value);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        var outcome = _completed ? "ok" : "error";
        var tags = new TagList { { "operation", _operation }, { "outcome", outcome } };
        if (_tenant is not null) tags.Add("tenant", _tenant);
        GraphSyncTelemetry.Operations.Add(1, tags);
        GraphSyncTelemetry.Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        if (Span is not null)
        {
            Span.SetTag("teamsplans.sync.outcome", outcome);
            if (!_completed) Span.SetStatus(ActivityStatusCode.Error);
            Span.Dispose();
        }
    }
}
