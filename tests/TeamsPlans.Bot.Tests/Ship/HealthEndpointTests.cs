using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Tests.Ship;

/// <summary>GET /healthz on the real host: state store, Graph and Bot Connector connectivity.</summary>
public sealed class HealthEndpointTests
{
    private static async Task<(HttpStatusCode Status, JsonObject Body, string ContentType)> GetHealthAsync(ShipHost host)
    {
        using var response = await host.Client.GetAsync("/healthz");
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject(), response.Content.Headers.ContentType?.MediaType ?? "");
    }

    private static JsonObject Check(JsonObject body, string name) => body["checks"]![name]!.AsObject();

    [Fact]
    public async Task Healthy_host_answers_200_with_state_graph_and_bot_checks()
    {
        await using var host = new ShipHost();

        var (status, body, contentType) = await GetHealthAsync(host);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", contentType);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal(["bot", "graph", "state"], body["checks"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal("Healthy", Check(body, "state")["status"]!.GetValue<string>());
        Assert.Equal("sqlite", Check(body, "state")["provider"]!.GetValue<string>());
        Assert.Equal("Healthy", Check(body, "graph")["status"]!.GetValue<string>());
        Assert.Equal("local", Check(body, "graph")["mode"]!.GetValue<string>());
        Assert.Equal("Healthy", Check(body, "bot")["status"]!.GetValue<string>());
        Assert.Equal("local", Check(body, "bot")["mode"]!.GetValue<string>());
        // The local-mode Graph probe really wrote into the library folder (and cleaned up).
        Assert.True(Directory.Exists(Path.Combine(host.Dir, "library")));
        Assert.Empty(Directory.GetFiles(Path.Combine(host.Dir, "library"), ".healthz-*"));
    }

    [Fact]
    public async Task Unreachable_postgres_state_store_answers_503()
    {
        await using var host = new ShipHost(new Dictionary<string, string?>
        {
            ["State:Provider"] = "postgres",
            ["State:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=teamsplans;Timeout=3",
            ["State:MigrateOnStartup"] = "false",
        });

        await AssertStateUnhealthyAsync(host, "postgres");
    }

    [Fact]
    public async Task Corrupt_sqlite_state_store_answers_503()
    {
        var dir = ShipPaths.TempDir("teamsplans-corrupt-");
        try
        {
            var db = Path.Combine(dir, "state.db");
            await File.WriteAllTextAsync(db, new string('x', 4096)); // not a SQLite database
            await using var host = new ShipHost(new Dictionary<string, string?>
            {
                ["State:ConnectionString"] = db,
                ["State:MigrateOnStartup"] = "false",
            });

            await AssertStateUnhealthyAsync(host, "sqlite");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task AssertStateUnhealthyAsync(ShipHost host, string provider)
    {
        var (status, body, _) = await GetHealthAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", Check(body, "state")["status"]!.GetValue<string>());
        Assert.Equal(provider, Check(body, "state")["provider"]!.GetValue<string>());
        // The other checks still report on their own.
        Assert.Equal("Healthy", Check(body, "graph")["status"]!.GetValue<string>());
        Assert.Equal("Healthy", Check(body, "bot")["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Graph_and_bot_failures_degrade_but_keep_the_instance_in_rotation()
    {
        await using var host = new ShipHost(new Dictionary<string, string?>
        {
            // Graph mode without any credential; a bot identity whose token request returns nothing.
            ["GraphSync:Mode"] = "graph",
            ["GraphSync:SiteId"] = "contoso.sharepoint.com,1,2",
            ["Bot:MicrosoftAppId"] = "6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b",
            ["Bot:MicrosoftAppType"] = "SingleTenant",
            ["Bot:MicrosoftAppTenantId"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        }, s => s.AddSingleton<IBotTokenProvider>(new NoTokenProvider()));

        var (status, body, _) = await GetHealthAsync(host);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", Check(body, "state")["status"]!.GetValue<string>());
        var graph = Check(body, "graph");
        Assert.Equal("Degraded", graph["status"]!.GetValue<string>());
        Assert.Equal("graph", graph["mode"]!.GetValue<string>());
        Assert.StartsWith("auth.", graph["error"]!.GetValue<string>());
        var bot = Check(body, "bot");
        Assert.Equal("Degraded", bot["status"]!.GetValue<string>());
        Assert.Equal("SingleTenant", bot["appType"]!.GetValue<string>());
        Assert.Equal("token.empty", bot["error"]!.GetValue<string>());
    }

    private sealed class NoTokenProvider : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken ct = default) => Task.FromResult<string?>(null);
    }
}
