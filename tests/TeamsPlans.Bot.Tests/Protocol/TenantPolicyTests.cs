using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Hosting;

namespace TeamsPlans.Bot.Tests.Protocol;

/// <summary>
/// Which tenants a deployment serves (Hosting/TenantPolicy, section "Tenants"); moved here from the storage tests with the
/// policy, which is the host's, not the store's.
/// </summary>
public sealed class TenantPolicyTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Empty_list_is_single_tenant_local_mode()
    {
        var p = TenantPolicy.FromConfiguration(Config());
        Assert.True(p.SingleTenant);
        Assert.Equal("local", p.DefaultTenant);
        Assert.True(p.IsAllowed("local"));
        Assert.False(p.IsAllowed("72f988bf-86f1-41af-91ab-2d7cd011db47"));
        Assert.False(p.IsAllowed(null));
        Assert.False(p.IsAllowed(""));
    }

    [Fact]
    public void Configured_list_allows_only_those_tenants()
    {
        var p = TenantPolicy.FromConfiguration(Config(
            ("Tenants:Allowed:0", "72F988BF-86F1-41AF-91AB-2D7CD011DB47"), ("Tenants:Allowed:1", "tenant-2")));
        Assert.False(p.SingleTenant);
        Assert.True(p.IsAllowed("72f988bf-86f1-41af-91ab-2d7cd011db47"));
        Assert.True(p.IsAllowed("tenant-2"));
        Assert.False(p.IsAllowed("local"));
        Assert.False(p.IsAllowed("tenant-3"));
        Assert.False(p.IsAllowed(null));
    }

    [Fact]
    public void Flat_list_from_an_environment_variable_and_custom_default()
    {
        var p = TenantPolicy.FromConfiguration(Config(("Tenants:Allowed", "t1; t2 ,t3")));
        Assert.Equal(3, p.Allowed.Count);
        Assert.True(p.IsAllowed("t3"));
        var local = TenantPolicy.FromConfiguration(Config(("Tenants:Default", "school-1")));
        Assert.True(local.IsAllowed("school-1"));
        Assert.False(local.IsAllowed("local"));
    }

    [Fact]
    public void The_conversation_registrations_read_the_policy_from_configuration_when_the_host_added_none()
    {
        var configuration = Config(("Tenants:Allowed:0", "tenant-1"));
        var services = new ServiceCollection();
        services.AddTeamsPlansConversation(configuration);
        using var sp = services.BuildServiceProvider();
        Assert.True(sp.GetRequiredService<TenantPolicy>().IsAllowed("tenant-1"));
        Assert.False(sp.GetRequiredService<TenantPolicy>().IsAllowed("local"));
    }
}
