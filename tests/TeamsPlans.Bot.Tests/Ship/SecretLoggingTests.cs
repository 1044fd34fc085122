using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Tests.Ship;

/// <summary>Secrets arrive as configuration (App Service resolves the Key Vault references into settings); they never reach a log.</summary>
public sealed class SecretLoggingTests
{
    [Fact]
    public async Task Startup_and_health_logs_never_contain_a_configured_secret()
    {
        // Values as App Service hands them over after resolving @Microsoft.KeyVault(...) references.
        var botSecret = "BotSecret~" + Guid.NewGuid().ToString("N");
        var graphSecret = "GraphSecret~" + Guid.NewGuid().ToString("N");
        var pgPassword = "PgPass~" + Guid.NewGuid().ToString("N");
        var certPassword = "CertPass~" + Guid.NewGuid().ToString("N");
        await using var host = new ShipHost(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b",
            ["Bot:MicrosoftAppType"] = "SingleTenant",
            ["Bot:MicrosoftAppTenantId"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            ["Bot:MicrosoftAppPassword"] = botSecret,
            ["GraphSync:Auth:TenantId"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            ["GraphSync:Auth:ClientId"] = "6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b",
            ["GraphSync:Auth:ClientSecret"] = graphSecret,
            ["GraphSync:Auth:CertificatePassword"] = certPassword,
            // A state store that cannot be reached, with its password in the connection string: the failure is logged.
            ["State:Provider"] = "postgres",
            ["State:ConnectionString"] = $"Host=127.0.0.1;Port=1;Username=teamsplans_admin;Password={pgPassword};Database=teamsplans;Timeout=3",
            ["State:MigrateOnStartup"] = "false",
        }, s => s.AddSingleton<IBotTokenProvider>(new StaticToken()));

        using var health = await host.Client.GetAsync("/healthz");
        var healthBody = await health.Content.ReadAsStringAsync();
        using var unauthenticated = await host.Client.PostAsync("/api/messages", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        var records = host.Logs.Records.ToList();
        // The test saw the start-up and the failures it provoked, so the assertion below is about real log output.
        Assert.Contains(records, r => r.Category.StartsWith("Microsoft.Hosting.Lifetime", StringComparison.Ordinal) || r.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level >= LogLevel.Warning && r.AllText.Contains("state store", StringComparison.OrdinalIgnoreCase));
        foreach (var secret in new[] { botSecret, graphSecret, pgPassword, certPassword })
        {
            Assert.DoesNotContain(records, r => r.AllText.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, healthBody);
        }
    }

    private sealed class StaticToken : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken ct = default) => Task.FromResult<string?>("token");
    }
}
