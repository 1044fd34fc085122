using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TeamsPlans.Bot;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.Testing;

/// <summary>
/// A state store (a SQLite file in a temp folder, or a fresh PostgreSQL database that is dropped afterwards), a seeded
/// plan with N members, a fake connector server, and hosts with the real delivery pipeline on that store.
/// </summary>
public sealed class DeliveryFixture : IAsyncDisposable
{
    public const string Tenant = "tenant-vn-1";
    public const string PlanId = "plan-82";
    public const string Head = "head-principal";
    public const string Sqlite = StateStoreOptions.Sqlite;
    public const string Postgres = StateStoreOptions.Postgres;
    /// <summary>Where the PostgreSQL tests connect (an admin connection: databases are created and dropped).</summary>
    public const string PostgresEnvVar = "TEAMSPLANS_TEST_PG";
    public const string PostgresFallback = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    private readonly string? _pgAdmin;
    private readonly string? _pgDatabase;

    private DeliveryFixture(string dir, FakeConnectorServer server, StateStoreOptions state, string? pgAdmin, string? pgDatabase)
    {
        Dir = dir;
        Server = server;
        State = state;
        _pgAdmin = pgAdmin;
        _pgDatabase = pgDatabase;
    }

    public string Dir { get; }
    /// <summary>The SQLite file (SQLite fixtures only; the CLI tests pass it as --state).</summary>
    public string DbPath => State.Provider == Sqlite ? State.ConnectionString! : throw new InvalidOperationException("Not a SQLite fixture.");
    /// <summary>Provider and connection string of the state store.</summary>
    public StateStoreOptions State { get; }
    public string Provider => State.Provider;
    public FakeConnectorServer Server { get; }
    public List<string> Members { get; } = [];

    public static string MemberId(int i) => "m" + i.ToString("00000", CultureInfo.InvariantCulture);

    /// <summary>A fixture on <paramref name="provider"/> ("sqlite", the default, or "postgres").</summary>
    public static async Task<DeliveryFixture> CreateAsync(FakeConnectorOptions? serverOptions = null, string provider = Sqlite)
    {
        var dir = Path.Combine(Path.GetTempPath(), "tp-delivery-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        StateStoreOptions state;
        string? admin = null, database = null;
        if (provider == Postgres)
        {
            admin = Environment.GetEnvironmentVariable(PostgresEnvVar) is { Length: > 0 } cs ? cs : PostgresFallback;
            database = "tp_delivery_" + Guid.NewGuid().ToString("N");
            try
            {
                await using var c = new NpgsqlConnection(admin);
                await c.OpenAsync().ConfigureAwait(false);
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", c);
                await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                // Not a skip: CI starts PostgreSQL, so an unreachable server is a failure.
                throw new InvalidOperationException(
                    $"PostgreSQL không truy cập được cho các test gửi tin / PostgreSQL is unreachable for the delivery tests: {ex.Message}. " +
                    $"Run `bash scripts/setup.sh` (PostgreSQL on 127.0.0.1:55432) or set {PostgresEnvVar}.", ex);
            }
            state = new StateStoreOptions
            {
                Provider = Postgres,
                ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 20 }.ToString(),
            };
        }
        else if (provider == Sqlite)
        {
            state = new StateStoreOptions { Provider = Sqlite, ConnectionString = Path.Combine(dir, "state.db") };
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite or postgres");
        }
        var server = await FakeConnectorServer.StartAsync(serverOptions).ConfigureAwait(false);
        var f = new DeliveryFixture(dir, server, state, admin, database);
        await using var store = f.OpenStore();
        await store.MigrateAsync().ConfigureAwait(false);
        return f;
    }

    public IStateStore OpenStore(TimeProvider? time = null) =>
        StateStoreFactory.Create(new StateStoreOptions { Provider = State.Provider, ConnectionString = State.ConnectionString }, time ?? TimeProvider.System);

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

    /// <summary>A host with the real registrations: AddBotProtocol, AddTeamsPlansStateStore, AddTeamsPlansDelivery, and the
    /// composition root's publisher without board mirroring (BotHost.AddTeamsPlansAssignmentPublisher).</summary>
    public IHost BuildHost(IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        var config = new Dictionary<string, string?>
        {
            ["State:Provider"] = State.Provider,
            ["State:ConnectionString"] = State.ConnectionString,
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
        builder.Services.AddTeamsPlansAssignmentPublisher(mirrorToBoards: false);
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
        await Server.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_pgAdmin is not null && _pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(_pgAdmin);
            await c.OpenAsync().ConfigureAwait(false);
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
