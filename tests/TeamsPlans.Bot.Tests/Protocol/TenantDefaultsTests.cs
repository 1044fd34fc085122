using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Hosting;
using TeamsPlans.GraphSync;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Tests.Protocol;

/// <summary>
/// The tenants a deployment serves (BotHost, Hosting/TenantDefaults): a single-tenant bot registration with no
/// "Tenants:Allowed" serves "Bot:MicrosoftAppTenantId"; "Delivery:Tenants" and "GraphSync:Tenants" default to the served
/// tenants ("Tenants:Default", i.e. "local", without an allow-list); configured lists are kept; configuration is not rewritten.
/// </summary>
public sealed class TenantDefaultsTests
{
    private const string OtherTenant = "bbbbbbbb-cccc-dddd-eeee-ffffffffffff";

    [Fact]
    public void Single_tenant_bot_without_an_allow_list_serves_its_own_tenant_at_the_endpoint_in_reminders_and_polling()
    {
        using var factory = new BotAppFactory(appType: "SingleTenant", tenantId: BotAppFactory.TenantId);
        var sp = factory.Services;
        var policy = sp.GetRequiredService<TenantPolicy>();
        Assert.False(policy.SingleTenant);
        Assert.True(policy.IsAllowed(BotAppFactory.TenantId));
        Assert.True(policy.Refuses(OtherTenant));
        Assert.Equal([BotAppFactory.TenantId], sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.Tenants);
        Assert.Equal([BotAppFactory.TenantId], sp.GetRequiredService<GraphSyncPollingService>().Tenants);
        var configuration = sp.GetRequiredService<IConfiguration>();
        Assert.Null(configuration["Tenants:Allowed:0"]);
        Assert.Null(configuration["Delivery:Tenants:0"]);
        Assert.Null(configuration["GraphSync:Tenants:0"]);
    }

    [Fact]
    public void Multi_tenant_bot_without_an_allow_list_runs_background_work_for_the_default_tenant()
    {
        using var factory = new BotAppFactory(appType: "MultiTenant", tenantId: BotAppFactory.TenantId);
        var sp = factory.Services;
        var policy = sp.GetRequiredService<TenantPolicy>();
        Assert.True(policy.SingleTenant);
        Assert.False(policy.Refuses(OtherTenant));
        Assert.Equal(["local"], sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.Tenants);
        Assert.Equal(["local"], sp.GetRequiredService<GraphSyncPollingService>().Tenants);
    }

    [Fact]
    public void Configured_tenant_lists_are_kept_as_given()
    {
        using var factory = new BotAppFactory(appType: "SingleTenant", tenantId: BotAppFactory.TenantId);
        using var configured = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Delivery:Tenants:0", "school-a");
            b.UseSetting("GraphSync:Tenants:0", "school-b");
        });
        var sp = configured.Services;
        Assert.True(sp.GetRequiredService<TenantPolicy>().IsAllowed(BotAppFactory.TenantId));
        Assert.Equal(["school-a"], sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.Tenants);
        Assert.Equal(["school-b"], sp.GetRequiredService<GraphSyncPollingService>().Tenants);
    }
}
