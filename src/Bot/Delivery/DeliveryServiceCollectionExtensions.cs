using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Delivery;

internal static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the proactive delivery pipeline (configuration section "Delivery", see <see cref="DeliveryOptions"/>):
    /// <see cref="DeliveryService"/> as the durable <see cref="IAssignmentPublisher"/> and <see cref="IPlanReminderSender"/>
    /// (the sync bridge wraps the publisher), the shared <see cref="DeliveryRateLimiter"/>, <see cref="DeliveryProcessor"/> with its own
    /// connector client (retries off: the pipeline handles 429 itself), <see cref="IAppInstaller"/> (Microsoft Graph when
    /// Delivery:InstallForUsers is true, which needs a GraphServiceClient registered; a no-op otherwise), meter
    /// "TeamsPlans.Delivery", and the hosted <see cref="DeliveryCoordinator"/>, <see cref="DeliveryWorker"/> and
    /// <see cref="ReminderScheduler"/>.
    /// Needs AddBotProtocol (IBotTokenProvider, BotOptions, the "BotConnector" HttpClient) and AddTeamsPlansStateStore.
    /// </summary>
    /// <summary>Bot:Connector as configured (the activity budget MaxActivityBytes, delays), without retries: the pipeline
    /// handles 429 and transient answers itself.</summary>
    internal static ConnectorClientOptions DeliveryConnectorOptions(ConnectorClientOptions? configured) => new()
    {
        MaxRetries = 0,
        BaseDelay = configured?.BaseDelay ?? new ConnectorClientOptions().BaseDelay,
        MaxDelay = configured?.MaxDelay ?? new ConnectorClientOptions().MaxDelay,
        MaxActivityBytes = configured is { MaxActivityBytes: > 0 } c ? c.MaxActivityBytes : ConnectorClientOptions.DefaultMaxActivityBytes,
    };

    public static IServiceCollection AddTeamsPlansDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName))
            .Validate(o => o.TenantRequestsPerSecond >= 1 && o.BatchSize >= 1 && o.Concurrency >= 1 && o.Lease > TimeSpan.Zero
                    && o.CoordinationInterval > TimeSpan.Zero && o.InstanceTimeToLive > o.CoordinationInterval,
                "Cấu hình Delivery không hợp lệ: TenantRequestsPerSecond, BatchSize, Concurrency phải ≥ 1, Lease và CoordinationInterval " +
                    "phải dương, InstanceTimeToLive lớn hơn CoordinationInterval. / Delivery: TenantRequestsPerSecond, BatchSize, " +
                    "Concurrency must be ≥ 1, Lease and CoordinationInterval positive, InstanceTimeToLive longer than CoordinationInterval.")
            .Validate(o => !o.InstallForUsers || !string.IsNullOrWhiteSpace(o.TeamsAppCatalogId),
                "Cần Delivery:TeamsAppCatalogId khi bật InstallForUsers. / Delivery:InstallForUsers needs Delivery:TeamsAppCatalogId.")
            .ValidateOnStart();
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpConnectorClient.HttpClientName);

        services.TryAddSingleton<DeliveryMetrics>();
        services.TryAddSingleton<DeliveryRateLimiter>();
        services.TryAddKeyedSingleton<IConnectorClient>(DeliveryProcessor.ConnectorServiceKey, (sp, _) => new HttpConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IBotTokenProvider>(), sp.GetRequiredService<IOptions<BotOptions>>(),
            Options.Create(DeliveryConnectorOptions(sp.GetService<IOptions<ConnectorClientOptions>>()?.Value)), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HttpConnectorClient>>(), sp.GetService<ServiceUrlPolicy>()));
        services.TryAddSingleton<IAppInstaller>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value;
            if (!o.InstallForUsers) return new NoOpAppInstaller();
            var graph = sp.GetService<GraphServiceClient>() ?? throw new InvalidOperationException(
                "Bật InstallForUsers cần đăng ký GraphServiceClient. / Delivery:InstallForUsers is true but no GraphServiceClient is registered.");
            return new GraphAppInstaller(graph, sp.GetRequiredService<ILogger<GraphAppInstaller>>());
        });
        services.TryAddSingleton<DeliveryProcessor>();
        services.TryAddSingleton<DeliveryService>();
        services.TryAddSingleton<ReminderPolicyStore>();
        services.TryAddSingleton<EscalationPlanner>();
        services.TryAddSingleton<UnitReportEscalationPlanner>();
        services.TryAddSingleton<ReminderPlanner>();
        services.TryAddSingleton<IDeliveryTenantSource, ConfiguredTenantSource>();

        // The durable queue sends reminders; IAssignmentPublisher is registered once by the composition root
        // (BotHost.AddTeamsPlansAssignmentPublisher), which wraps DeliveryService in the mirroring publisher when sync is on.
        services.AddSingleton<IPlanReminderSender>(sp => sp.GetRequiredService<DeliveryService>());
        services.AddSingleton<IPlanDeliveries>(sp => sp.GetRequiredService<DeliveryService>());
        services.AddSingleton<IWaitingDeliveries>(sp => sp.GetRequiredService<DeliveryService>());

        services.TryAddSingleton<DeliveryCoordinator>();
        services.TryAddSingleton<DeliveryWorker>();
        services.TryAddSingleton<ReminderScheduler>();
        // The coordinator first: it joins (heartbeat, share of the tenant ceiling) before the worker sends anything.
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryCoordinator>());
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return services;
    }
}
