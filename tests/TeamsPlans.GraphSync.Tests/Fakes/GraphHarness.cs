using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Tests.Fakes;

/// <summary>A fixed bearer token for the local fake (the real app uses AzureIdentityAuthenticationProvider).</summary>
public sealed class StaticTokenProvider : IAccessTokenProvider
{
    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) => Task.FromResult("test-token");
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();
}

/// <summary>
/// Simulates a process crash: once armed, the first request matching <see cref="When"/> is sent, the server acts on it,
/// and then the caller never learns the outcome (OperationCanceledException, like a killed process).
/// </summary>
public sealed class CrashHandler : DelegatingHandler
{
    public Func<HttpRequestMessage, string, bool>? When { get; set; }
    public int Crashes { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        var resp = await base.SendAsync(request, ct);
        if (When is { } w && w(request, body))
        {
            When = null;
            Crashes++;
            resp.Dispose();
            throw new OperationCanceledException("Simulated crash after the server acted on the request.");
        }
        return resp;
    }
}

/// <summary>The Graph side of a test: fake server + real SDK client + GraphSync services over shared stores.</summary>
public sealed class GraphHarness : IAsyncDisposable
{
    public FakeGraphServer Server { get; }
    public TestClock Clock { get; }
    public InMemoryStores Stores { get; }
    public const string Tenant = "tenant-a";
    public string GroupId { get; } = "group-school";
    public CrashHandler Crash { get; private set; } = new();
    public GraphServiceClient Client { get; private set; } = null!;
    public GraphTaskBoard Board { get; private set; } = null!;
    public GraphDocumentLibrary Library { get; private set; } = null!;
    public GraphDirectory Directory { get; private set; } = null!;
    public PlannerSyncService Sync { get; private set; } = null!;
    public GraphSyncOptions Options { get; }

    GraphHarness(FakeGraphServer server, TestClock clock, InMemoryStores stores)
    {
        Server = server; Clock = clock; Stores = stores;
        Options = new GraphSyncOptions { Mode = "graph", BaseUrl = server.BaseUrl, GroupId = GroupId, SiteId = "site-1" };
        Restart();
    }

    public static async Task<GraphHarness> StartAsync()
    {
        var server = await FakeGraphServer.StartAsync();
        var clock = new TestClock(new DateTimeOffset(2024, 3, 1, 1, 0, 0, TimeSpan.Zero));
        return new GraphHarness(server, clock, new InMemoryStores(clock));
    }

    /// <summary>New process: new client and services, same server and state store.</summary>
    public void Restart()
    {
        Crash = new CrashHandler();
        ILoggerFactory lf = NullLoggerFactory.Instance;
        var auth = new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider());
        Client = GraphClientBuilder.Create(auth, Server.BaseUrl, Clock, lf.CreateLogger("http"), [Crash]);
        var opts = Microsoft.Extensions.Options.Options.Create(Options);
        Board = new GraphTaskBoard(Client, opts, Stores, Clock, lf.CreateLogger<GraphTaskBoard>());
        Library = new GraphDocumentLibrary(Client, opts, Stores, Clock, lf.CreateLogger<GraphDocumentLibrary>());
        Directory = new GraphDirectory(Client, Clock, lf.CreateLogger<GraphDirectory>());
        Sync = new PlannerSyncService(Board, Directory, Stores, Stores, Clock, lf.CreateLogger<PlannerSyncService>());
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
