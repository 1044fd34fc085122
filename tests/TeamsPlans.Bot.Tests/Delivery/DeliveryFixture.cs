using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using TeamsPlans.Testing;

namespace TeamsPlans.Bot.Tests.Delivery;

/// <summary>A SQLite state store in a temp folder, a seeded plan with N members, and a fake connector server.</summary>
internal sealed class DeliveryFixture : IAsyncDisposable
{
    public const string Tenant = "tenant-vn-1";
    public const string PlanId = "plan-82";
    public const string Head = "head-principal";

    private DeliveryFixture(string dir, FakeConnectorServer server)
    {
        Dir = dir;
        Server = server;
    }

    public string Dir { get; }
    public string DbPath => Path.Combine(Dir, "state.db");
    public FakeConnectorServer Server { get; }
    public List<string> Members { get; } = [];

    public static string MemberId(int i) => "m" + i.ToString("00000", CultureInfo.InvariantCulture);

    public static async Task<DeliveryFixture> CreateAsync(FakeConnectorOptions? serverOptions = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "tp-delivery-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        var server = await FakeConnectorServer.StartAsync(serverOptions);
        var f = new DeliveryFixture(dir, server);
        await using var store = f.OpenStore();
        await store.MigrateAsync();
        return f;
    }

    public IStateStore OpenStore(TimeProvider? time = null) =>
        StateStoreFactory.Create(new StateStoreOptions { ConnectionString = DbPath }, time ?? TimeProvider.System);

    public static Deadline Due(DateOnly d, Recurrence? r = null) => new(DueDate.OnDate(d), r, "Nộp báo cáo", null, null);

    /// <summary>
    /// Seeds the plan (head <see cref="Head"/>) with one assignment per member. <paramref name="conversations"/>: store each
    /// member's 1:1 conversation (and tell the server); otherwise the pipeline must create them.
    /// </summary>
    public async Task SeedAsync(int members, bool conversations = true, IReadOnlyList<Deadline>? deadlines = null,
        DateTimeOffset? createdAt = null, int assignmentsPerMember = 1)
    {
        await using var store = OpenStore();
        var now = createdAt ?? DateTimeOffset.UtcNow;
        var doc = new PlanDocument { Number = "82/KH-THPT", Title = "Kế hoạch hoạt động đối ngoại năm 2025", Year = 2025 };
        await store.Plans.UpsertAsync(new StoredPlan(Tenant, PlanId, doc, null, PlanStatus.Published, Head, now, now));
        await store.Members.UpsertAsync(new Member(Tenant, Head, "Hiệu trưởng", null, "Hiệu trưởng", null, MemberRoles.Principal, "vi-VN"));
        var records = new List<AssignmentRecord>();
        for (var i = 0; i < members; i++)
        {
            var aad = MemberId(i);
            Members.Add(aad);
            await store.Members.UpsertAsync(new Member(Tenant, aad, $"Giáo viên {i}", null, "Giáo viên", null, MemberRoles.Member, i % 5 == 0 ? "en-US" : "vi-VN"));
            for (var k = 0; k < assignmentsPerMember; k++)
            {
                records.Add(new AssignmentRecord(Tenant, $"a-{i}-{k}", PlanId, records.Count, new Assignee($"Giáo viên {i}", null, null),
                    $"Nhiệm vụ {k} của giáo viên {i}: tổ chức hoạt động giao lưu quốc tế", deadlines ?? [Due(new DateOnly(2025, 12, 15))], aad, AssignmentState.New, now));
            }
            if (conversations) await AddConversationAsync(store, aad);
        }
        await store.Assignments.UpsertManyAsync(records);
    }

    public async Task AddConversationAsync(IStateStore store, string aad)
    {
        var conv = FakeConnectorServer.ConversationIdFor(aad);
        await store.Conversations.UpsertAsync(new ConversationRef(Tenant, aad, "29:" + aad, conv, Server.BaseUrl, "28:bot", "msteams", DateTimeOffset.UtcNow));
        Server.AddConversation(conv, aad, Tenant);
    }

    /// <summary>A host with the real registrations: AddBotProtocol, AddTeamsPlansStateStore, AddTeamsPlansDelivery.</summary>
    public IHost BuildHost(IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        var config = new Dictionary<string, string?>
        {
            ["State:ConnectionString"] = DbPath,
            ["Delivery:ServiceUrl"] = Server.BaseUrl,
            ["Delivery:TenantRequestsPerSecond"] = "100",
            ["Delivery:Lease"] = "00:00:05",
            ["Delivery:IdleDelay"] = "00:00:00.050",
            ["Delivery:RetryBaseDelay"] = "00:00:00.200",
            ["Delivery:RetryMaxDelay"] = "00:00:01",
            ["Delivery:WindowSafetyMargin"] = "00:00:00.100",
            ["Delivery:RemindersEnabled"] = "false",
            ["Delivery:BatchSize"] = "32",
            ["Delivery:Concurrency"] = "16",
        };
        if (settings is not null) foreach (var (k, v) in settings) config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddTeamsPlansStateStore(builder.Configuration);
        builder.Services.AddTeamsPlansDelivery(builder.Configuration);
        services?.Invoke(builder.Services);
        // Server-side limits follow the client's unless a test set them.
        return builder.Build();
    }

    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return true;
            await Task.Delay(50);
        }
        return await condition();
    }

    public async Task<IReadOnlyDictionary<WorkState, int>> CountsAsync()
    {
        await using var store = OpenStore();
        return await store.Queue.CountsAsync(Tenant, DeliveryOptions.QueueName);
    }

    public async Task<bool> AllSettledAsync(int expected)
    {
        var c = await CountsAsync();
        return c[WorkState.Done] + c[WorkState.Failed] + c[WorkState.Blocked] >= expected && c[WorkState.Queued] == 0 && c[WorkState.InFlight] == 0;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
