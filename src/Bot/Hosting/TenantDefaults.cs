using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.GraphSync;

namespace TeamsPlans.Bot.Hosting;

/// <summary>
/// Which tenants this deployment serves, computed from configuration as given (configuration is never rewritten).
/// A single-tenant (or managed identity) bot registration serves its own tenant: with no "Tenants:Allowed" the
/// <see cref="TenantPolicy"/> allows "Bot:MicrosoftAppTenantId". The background work (reminders, board polling, library
/// discovery) runs for those tenants: <see cref="DeliveryOptions.Tenants"/> ("Delivery:Tenants") and the tenants of
/// <see cref="GraphSyncPollingService"/> ("GraphSync:Tenants") default to the policy's tenants (or "Tenants:Default" in
/// local mode) when their section is not configured.
/// </summary>
internal static class TenantDefaults
{
    public const string DeliveryTenants = "Delivery:Tenants";
    public const string GraphSyncTenants = "GraphSync:Tenants";

    /// <summary>Registers the computed <see cref="TenantPolicy"/>, the Delivery tenants default and the polling service's
    /// tenants. Call before AddTeamsPlansStateStore and AddTeamsPlansSyncBridge (their registrations are TryAdd defaults).</summary>
    public static IServiceCollection AddTeamsPlansTenantDefaults(this IServiceCollection services, IConfiguration configuration,
        string? contentRoot = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => Policy(configuration, contentRoot));
        services.AddOptions<DeliveryOptions>().PostConfigure<TenantPolicy>((o, policy) =>
        {
            if (!IsConfigured(configuration, DeliveryTenants)) o.Tenants = [.. policy.Allowed];
        });
        // GraphSyncPollingService reads its tenants from IConfiguration: it gets the configuration as given plus the default.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<GraphSyncPollingService>(
            sp, WithDefaultTenants(configuration, GraphSyncTenants, sp.GetRequiredService<TenantPolicy>())));
        return services;
    }

    /// <summary>"Tenants:Allowed"/"Tenants:Default"; when the list is empty, a non-local single-tenant or managed identity
    /// bot with "Bot:MicrosoftAppTenantId" allows that tenant. A local bot (no app id) with no "Tenants:Default" serves the
    /// tenant of the Agents Playground roster found from <paramref name="contentRoot"/> (not a "local" tenant nobody chats in).</summary>
    public static TenantPolicy Policy(IConfiguration configuration, string? contentRoot = null)
    {
        var policy = TenantPolicy.FromConfiguration(configuration);
        var bot = configuration.GetSection(BotOptions.SectionName).Get<BotOptions>() ?? new BotOptions();
        if (policy.SingleTenant && !bot.IsLocalMode && (bot.IsSingleTenant || bot.IsManagedIdentity)
            && !string.IsNullOrWhiteSpace(bot.MicrosoftAppTenantId))
            return new TenantPolicy([bot.MicrosoftAppTenantId.Trim()], configuration.GetSection(TenantPolicy.SectionName)["Default"]);
        if (policy.SingleTenant && bot.IsLocalMode && contentRoot is not null && string.IsNullOrWhiteSpace(configuration["Tenants:Default"])
            && Features.FirstRun.PlaygroundRoleFile.TenantOf(configuration, contentRoot) is { Length: > 0 } playground)
            return new TenantPolicy(null, playground);
        return policy;
    }

    /// <summary>True when the list <paramref name="key"/> is given in configuration (children or a single value).</summary>
    public static bool IsConfigured(IConfiguration configuration, string key) =>
        configuration.GetSection(key).GetChildren().Any() || !string.IsNullOrEmpty(configuration[key]);

    private static IConfiguration WithDefaultTenants(IConfiguration configuration, string key, TenantPolicy policy)
    {
        if (IsConfigured(configuration, key)) return configuration;
        var tenants = policy.Allowed.ToList();
        var defaults = new Dictionary<string, string?>();
        for (var i = 0; i < tenants.Count; i++) defaults[$"{key}:{i}"] = tenants[i];
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(defaults).Build();
    }
}
