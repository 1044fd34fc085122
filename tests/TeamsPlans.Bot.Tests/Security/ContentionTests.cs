using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Security;

/// <summary>
/// Issue 13 item 5: 120 concurrent progress updates on one assignment, through POST /api/messages of two bot hosts sharing
/// one database (SQLite file; PostgreSQL). Each update carries its own comment, so each stored update raises the version by
/// exactly one: the number of updates answered 200 must equal the versions gained (nothing acknowledged is lost), and any
/// update not stored must be answered "not saved".
/// </summary>
public sealed class ContentionTests
{
    private const int Updates = 120;

    [Fact]
    public async Task Sqlite_two_hosts_every_acknowledged_update_is_stored()
    {
        var dir = Directory.CreateTempSubdirectory("teamsplans-contention-").FullName;
        var settings = new Dictionary<string, string> { ["State:ConnectionString"] = Path.Combine(dir, "state.db") };
        await RunAsync(settings);
    }

    [Fact]
    public async Task Postgres_two_hosts_every_acknowledged_update_is_stored()
    {
        var admin = Environment.GetEnvironmentVariable("TEAMSPLANS_TEST_PG") is { Length: > 0 } cs ? cs : "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
        var database = "tp_contention_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", c);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            await RunAsync(new Dictionary<string, string>
            {
                ["State:Provider"] = "postgres",
                ["State:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 30 }.ToString(),
                ["State:MigrateOnStartup"] = "true",
            });
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(admin);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private static async Task RunAsync(Dictionary<string, string> settings)
    {
        await using var a = await BotHarness.StartAsync(settings);
        await PublishAsync(a);
        await using var b = await BotHarness.StartAsync(settings);
        var id = Plan82 + "-a3";
        var before = (await a.Store.Assignments.GetAsync(Tenant, id))!.State.Version;

        var data = ActionData(AssignmentCardOf(a, Cuc), "progress");
        data.Remove("version"); // every click applies to the latest state (a stale card is answered with the current card)
        var start = new TaskCompletionSource();
        var tasks = Enumerable.Range(0, Updates).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var d = data.DeepClone().AsObject();
            d[CardVerbs.PercentInput] = 50;
            d[CardVerbs.CommentInput] = $"cập nhật {i:000}";
            var (status, body) = await (i % 2 == 0 ? a : b).InvokeAsync(Cuc, "progress", d);
            Assert.Equal(HttpStatusCode.OK, status);
            return (Code: body["statusCode"]!.GetValue<int>(), Body: body);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(tasks);

        var after = (await b.Store.Assignments.GetAsync(Tenant, id))!.State;
        var acknowledged = results.Count(r => r.Code == 200);
        var notSaved = results.Where(r => r.Code != 200).ToList();
        Assert.All(notSaved, r =>
        {
            // Universal Actions: a change not saved is the documented 500 error, its code says why.
            Assert.Equal(500, r.Code);
            Assert.Equal("NotSaved", r.Body["value"]!["code"]!.GetValue<string>());
            var message = r.Body["value"]!["message"]!.GetValue<string>();
            Assert.Contains("Chưa lưu được", message, StringComparison.Ordinal);
            Assert.Contains("not saved", message, StringComparison.Ordinal);
        });
        Assert.Equal(acknowledged, after.Version - before);
        Assert.Equal(Updates, acknowledged + notSaved.Count);
        Assert.True(acknowledged > 0);
        Assert.Equal("InProgress", AssignmentStatus(after));
    }

    /// <summary>Forwards to the real store; the first <see cref="Competitors"/> compare-and-swaps lose to another writer first.</summary>
    public class RacingStore : System.Reflection.DispatchProxy
    {
        public IAssignmentStore Inner { get; set; } = null!;
        public int Competitors;
        public int Attempts;

        protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(IAssignmentStore.TryUpdateStateAsync)) return RaceAsync((string)args![0]!, (string)args[1]!, (int)args[2]!, (TeamsPlans.Plans.Model.AssignmentState)args[3]!);
            return method.Invoke(Inner, args);
        }

        private async Task<(bool, AssignmentRecord?)> RaceAsync(string tenant, string id, int expected, TeamsPlans.Plans.Model.AssignmentState next)
        {
            if (Interlocked.Increment(ref Attempts) <= Competitors)
            {
                var other = (await Inner.GetAsync(tenant, id))!;
                var theirs = other.State.Apply(TeamsPlans.Plans.Model.AssignmentAction.Progress, DateTimeOffset.UtcNow, 50, "other writer " + Attempts);
                Assert.True((await Inner.TryUpdateStateAsync(tenant, id, other.State.Version, theirs)).Updated);
            }
            return await Inner.TryUpdateStateAsync(tenant, id, expected, next);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(39)]
    public async Task Retries_until_stored_when_other_writers_win_the_first_rounds(int competitors)
    {
        await using var h = await BotHarness.StartAsync();
        await PublishAsync(h);
        var store = System.Reflection.DispatchProxy.Create<IAssignmentStore, RacingStore>();
        var racing = (RacingStore)(object)store;
        racing.Inner = h.Store.Assignments;
        racing.Competitors = competitors;
        var record = (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!;
        var retry = new ContentionRetry(TimeProvider.System, maxAttempts: 40);
        var outcome = await retry.UpdateStateAsync(store, Tenant, record.AssignmentId, record,
            s => s.Apply(TeamsPlans.Plans.Model.AssignmentAction.Progress, DateTimeOffset.UtcNow, 50, "mine"), default);
        Assert.Equal(ContentionResult.Saved, outcome.Result);
        Assert.Equal(competitors, outcome.Conflicts);
        var stored = (await h.Store.Assignments.GetAsync(Tenant, record.AssignmentId))!.State;
        Assert.Equal("mine", stored.LastComment);
        Assert.Equal(record.State.Version + competitors + 1, stored.Version);
    }

    [Fact]
    public async Task When_the_budget_is_spent_the_outcome_is_not_saved_and_nothing_of_ours_is_stored()
    {
        await using var h = await BotHarness.StartAsync();
        await PublishAsync(h);
        var store = System.Reflection.DispatchProxy.Create<IAssignmentStore, RacingStore>();
        var racing = (RacingStore)(object)store;
        racing.Inner = h.Store.Assignments;
        racing.Competitors = 1000;
        var record = (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!;
        var outcome = await new ContentionRetry(TimeProvider.System, maxAttempts: 6).UpdateStateAsync(store, Tenant, record.AssignmentId, record,
            s => s.Apply(TeamsPlans.Plans.Model.AssignmentAction.Progress, DateTimeOffset.UtcNow, 50, "mine"), default);
        Assert.Equal(ContentionResult.NotSaved, outcome.Result);
        Assert.NotEqual("mine", (await h.Store.Assignments.GetAsync(Tenant, record.AssignmentId))!.State.LastComment);
    }

    private static string AssignmentStatus(TeamsPlans.Plans.Model.AssignmentState s) => s.Status.ToString();
}
