using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Hosting;
using TeamsPlans.Testing;
using TeamsPlans.Bot.Tests.Protocol;
using TeamsPlans.GraphSync;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Tests.Ship;

/// <summary>Spans and metrics for message handling, deliveries and sync, seen the way the OpenTelemetry SDK sees them.</summary>
public sealed class TelemetryTests
{
    private static readonly ActivitySource TestSource = new("TeamsPlans.Tests.Ship");

    [Fact]
    public async Task A_message_on_api_messages_produces_a_span_and_metrics_on_the_TeamsPlans_source_and_meter()
    {
        using var recorder = new TelemetryRecorder();
        using var factory = new BotAppFactory(appId: null);
        factory.Handler.ReplyToMessages = false;
        using var client = factory.CreateClient();
        var tenant = "tenant-otel-" + Guid.NewGuid().ToString("N")[..12];

        using var message = await client.SendAsync(Post(Activity("message", tenant, """{"text":"tình hình"}""")));
        using var invoke = await client.SendAsync(Post(Activity("invoke", tenant,
            """{"name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"ack"}}}""")));

        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
        // The middleware read a copy of the body: the handler still got both activities, text included.
        Assert.Equal("tình hình", factory.Handler.Received.Single(a => a.Type == "message" && a.TenantId == tenant).Text);

        var spans = recorder.Spans.Where(s => s.Source.Name == TeamsPlansTelemetry.Name && (string?)s.GetTagItem("teamsplans.tenant") == tenant).ToList();
        var messageSpan = Assert.Single(spans, s => s.DisplayName == "bot.message message");
        Assert.Equal("ok", messageSpan.GetTagItem("teamsplans.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, messageSpan.Status);
        var invokeSpan = Assert.Single(spans, s => s.DisplayName == "bot.message invoke");
        Assert.Equal("ack", invokeSpan.GetTagItem("teamsplans.invoke.action"));

        var handled = recorder.Measurements.Where(m => m.Instrument == "teamsplans.bot.messages.handled" && m.Tag("tenant") == tenant).ToList();
        Assert.Equal(2, handled.Count);
        Assert.All(handled, m => Assert.Equal(("TeamsPlans.Bot", "ok", 1.0), (m.Meter, m.Tag("outcome"), m.Value)));
        Assert.Equal(["invoke", "message"], handled.Select(m => m.Tag("activity.type")).Order());
        Assert.Equal(2, recorder.Measurements.Count(m => m.Instrument == "teamsplans.bot.messages.duration" && m.Tag("tenant") == tenant));
        // The invoke's verb is counted, within the invoke's span.
        Assert.Contains(recorder.Measurements, m => m.Instrument == "teamsplans.bot.invoke.actions" && m.Tag("action") == "ack" && m.TraceId == invokeSpan.TraceId);
    }

    [Fact]
    public async Task A_rejected_body_is_counted_without_trusting_its_values()
    {
        using var recorder = new TelemetryRecorder();
        using var factory = new BotAppFactory(appId: null);
        using var client = factory.CreateClient();
        var tenant = "tenant-otel-" + Guid.NewGuid().ToString("N")[..12];

        // An activity without serviceUrl is refused (400); its unknown type is not used as a tag value.
        var body = new JsonObject { ["type"] = "made-up-type", ["conversation"] = new JsonObject { ["id"] = "c1", ["tenantId"] = tenant } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Test-Remote-Ip", "127.0.0.1");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var m = Assert.Single(recorder.Measurements, m => m.Instrument == "teamsplans.bot.messages.handled" && m.Tag("tenant") == tenant);
        Assert.Equal(("other", "rejected"), (m.Tag("activity.type"), m.Tag("outcome")));
    }

    [Fact]
    public async Task Each_delivery_gets_a_span_and_is_counted_by_outcome()
    {
        using var recorder = new TelemetryRecorder();
        await using var f = await DeliveryFixture.CreateAsync();
        await f.SeedAsync(2);
        using var host = f.BuildHost(new Dictionary<string, string?> { ["Delivery:WorkerEnabled"] = "false" });
        await host.Services.GetRequiredService<DeliveryService>().PublishAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        var store = host.Services.GetRequiredService<IStateStore>();
        var processor = host.Services.GetRequiredService<DeliveryProcessor>();
        var items = await store.Queue.ClaimAsync(DeliveryOptions.QueueName, "ship-test", 10, TimeSpan.FromMinutes(1));
        Assert.Equal(2, items.Count);

        ActivityTraceId trace;
        using (var parent = TestSource.StartActivity("test delivery")!)
        {
            trace = parent.TraceId;
            foreach (var item in items) Assert.Equal(DeliveryOutcome.Sent, await processor.ProcessAsync(item, "ship-test", default));
        }

        var spans = recorder.Spans.Where(s => s.TraceId == trace && s.Source.Name == TeamsPlansTelemetry.Name).ToList();
        Assert.Equal(2, spans.Count);
        Assert.All(spans, s =>
        {
            Assert.Equal("delivery assignment", s.DisplayName);
            Assert.Equal(ActivityKind.Producer, s.Kind);
            Assert.Equal("Sent", s.GetTagItem("teamsplans.outcome"));
            Assert.Equal(DeliveryFixture.Tenant, s.GetTagItem("teamsplans.tenant"));
        });
        var attempts = recorder.Measurements.Where(m => m.TraceId == trace && m.Instrument == "teamsplans.delivery.attempts").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, m => Assert.Equal(("assignment", "Sent"), (m.Tag("kind"), m.Tag("outcome"))));
        // The delivery component's own meter ("TeamsPlans.Delivery") counts the sends within the same spans.
        Assert.Equal(2, recorder.Measurements.Count(m => m.TraceId == trace && m.Meter == DeliveryMetrics.MeterName && m.Instrument == "teamsplans.delivery.sent"));
        Assert.Equal(2, f.Server.Posts.Count);
    }

    [Fact]
    public async Task Sync_operations_get_spans_and_are_counted_ok_or_error()
    {
        using var recorder = new TelemetryRecorder();
        var dir = ShipPaths.TempDir("teamsplans-sync-otel-");
        try
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["State:ConnectionString"] = Path.Combine(dir, "state.db"),
                ["GraphSync:Mode"] = "local",
                ["GraphSync:LocalRoot"] = Path.Combine(dir, "library"),
            }).Build();
            var services = new ServiceCollection().AddSingleton<IConfiguration>(config);
            services.AddTeamsPlansStateStore(config);
            services.AddTeamsPlansGraphSync(config);
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IStateStore>().MigrateAsync();
            var sync = provider.GetRequiredService<PlannerSyncService>();
            const string tenant = "tenant-sync-otel";

            ActivityTraceId trace;
            using (var parent = TestSource.StartActivity("test sync")!)
            {
                trace = parent.TraceId;
                await sync.DrainOutboxAsync();
                Assert.Empty(await sync.PollAsync(tenant));
                using var cancelled = new CancellationTokenSource();
                await cancelled.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sync.PollAsync(tenant, cancelled.Token));
            }

            var spans = recorder.Spans.Where(s => s.TraceId == trace && s.Source.Name == GraphSyncTelemetry.Name).ToList();
            Assert.Equal(["sync.drain", "sync.poll", "sync.poll"], spans.Select(s => s.DisplayName).Order());
            Assert.Equal(1, spans.Count(s => s.Status == ActivityStatusCode.Error));
            var ops = recorder.Measurements.Where(m => m.TraceId == trace && m.Instrument == "teamsplans.sync.operations").ToList();
            Assert.Equal([("drain", "ok"), ("poll", "error"), ("poll", "ok")], ops.Select(m => (m.Tag("operation")!, m.Tag("outcome")!)).Order());
            Assert.Equal(3, recorder.Measurements.Count(m => m.TraceId == trace && m.Instrument == "teamsplans.sync.duration"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static JsonObject Activity(string type, string tenant, string extra)
    {
        var a = new JsonObject
        {
            ["type"] = type,
            ["id"] = "in-" + Guid.NewGuid().ToString("N")[..8],
            ["serviceUrl"] = Tokens.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:1user", ["aadObjectId"] = "aad-user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot" },
            ["conversation"] = new JsonObject { ["id"] = "a:conv-otel", ["conversationType"] = "personal", ["tenantId"] = tenant },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        };
        foreach (var (k, v) in JsonNode.Parse(extra)!.AsObject()) a[k] = v?.DeepClone();
        return a;
    }

    private static HttpRequestMessage Post(JsonObject activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Test-Remote-Ip", "127.0.0.1");
        return request;
    }
}

internal sealed record Measurement(string Meter, string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags, ActivityTraceId? TraceId)
{
    public string? Tag(string name) => Tags.GetValueOrDefault(name);
}

/// <summary>Listens to every "TeamsPlans.*" ActivitySource and Meter like the OpenTelemetry SDK does (wildcard subscription).</summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name.StartsWith("TeamsPlans.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => Spans.Enqueue(a),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("TeamsPlans.", StringComparison.Ordinal)) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
    }

    public ConcurrentQueue<Activity> Spans { get; } = new();
    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dict = new Dictionary<string, string?>();
        foreach (var t in tags) dict[t.Key] = t.Value?.ToString();
        Measurements.Enqueue(new Measurement(instrument.Meter.Name, instrument.Name, value, dict, System.Diagnostics.Activity.Current?.TraceId));
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}
