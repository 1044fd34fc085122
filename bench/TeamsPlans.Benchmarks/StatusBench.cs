using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Resend;
using TeamsPlans.Bot.Features.Rollup;
using TeamsPlans.Bot.Features.Status;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Routing;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;
using TeamsPlans.Testing;

/// <summary>
/// `bench status [--provider sqlite,postgres] [--plans 1000] [--assignments 100000] [--units 2000] [--runs 40]`: seeds a
/// department (plans × assignments/plan, members, reports, delivery queue items) and its units (one implementing plan each,
/// with assignments and reports), composes the bot's real services (BotHost.ConfigureServices) and runs each command through
/// its real handler: "tình hình", "hạn sắp tới", "việc của tôi", "gửi lại", "tổng hợp đơn vị". Prints p50 / p99 latency and
/// the bytes allocated per request (whole process; nothing else runs) for each command on each provider.
/// </summary>
internal static class StatusBench
{
    private const string Department = "tenant-sgd";
    private const string DepartmentNumber = "678/KH-SGDĐT";

    public static async Task<int> RunAsync(string[] args)
    {
        var providers = new List<string> { DeliveryFixture.Sqlite, DeliveryFixture.Postgres };
        int plans = 1000, assignments = 100_000, units = 2000, runs = 40;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Thiếu giá trị cho {args[i]} / {args[i]} needs a value");
            switch (args[i])
            {
                case "--provider": providers = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                case "--plans": plans = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--assignments": assignments = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--units": units = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"Tham số không hợp lệ / unknown option: {args[i]}");
                    Console.Error.WriteLine("usage: bench status [--provider sqlite,postgres] [--plans 1000] [--assignments 100000] [--units 2000] [--runs 40]");
                    return 2;
            }
        }
        if (plans < 1 || assignments < plans || units < 0 || runs < 1)
        {
            Console.Error.WriteLine("--plans ≥ 1, --assignments ≥ --plans, --units ≥ 0, --runs ≥ 1");
            return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"status bench: {plans} plans, {assignments} assignments, {units} units, {runs} runs per command after 3 warm-up runs, {Environment.ProcessorCount} cores"));
        foreach (var provider in providers)
            await RunProviderAsync(provider, plans, assignments, units, runs).ConfigureAwait(false);
        return 0;
    }

    private static async Task RunProviderAsync(string provider, int plans, int assignments, int units, int runs)
    {
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions(), provider).ConfigureAwait(false);
        var seedClock = Stopwatch.StartNew();
        var seeded = await StatusSeed.SeedAsync(f, Department, DepartmentNumber, plans, assignments, units).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: seeded {seeded} in {seedClock.Elapsed.TotalSeconds:F1} s"));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var settings = new Dictionary<string, string?>
        {
            ["State:Provider"] = f.State.Provider,
            ["State:ConnectionString"] = f.State.ConnectionString,
            ["Delivery:WorkerEnabled"] = "false",
            ["Delivery:RemindersEnabled"] = "false",
            ["Rollup:Units:" + Department] = string.Join(';', Enumerable.Range(0, units).Select(StatusSeed.Unit)),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        builder.Configuration.AddInMemoryCollection(settings);
        BotHost.ConfigureServices(builder);
        await using var app = builder.Build();
        var services = app.Services;
        var store = services.GetRequiredService<IStateStore>();
        await store.MigrateAsync().ConfigureAwait(false);

        var principal = await store.Members.GetAsync(Department, StatusSeed.Principal).ConfigureAwait(false);
        var teacher = await store.Members.GetAsync(Department, StatusSeed.MemberId(7)).ConfigureAwait(false);
        var status = services.GetRequiredService<StatusCommand>();
        var resend = services.GetRequiredService<ResendCommand>();
        var rollup = services.GetRequiredService<RollupFeature>();
        var today = VietnamTime.Today(TimeProvider.System);
        TurnState As(Member? m) => new(new Activity { Type = "message", Locale = "vi-VN" }, new NoTurn(), Department, m, CardView.For("vi-VN", today));

        var commands = new (string Name, Func<Task<AdaptiveCard>> Run)[]
        {
            ("tình hình (status)", () => status.HandleAsync(As(principal), new TextCommand(CommandKind.Status, null, "tình hình"), default)),
            ("tình hình 1 plan", () => status.HandleAsync(As(principal), new TextCommand(CommandKind.Status, StatusSeed.PlanNumber(3), "tình hình"), default)),
            ("hạn sắp tới (deadlines)", () => status.HandleAsync(As(principal), new TextCommand(CommandKind.Deadlines, null, "hạn sắp tới"), default)),
            ("việc của tôi (my tasks)", () => status.HandleAsync(As(teacher), new TextCommand(CommandKind.MyTasks, null, "việc của tôi"), default)),
            ("gửi lại (resend)", () => resend.HandleAsync(As(principal), new TextCommand(CommandKind.Resend, null, "gửi lại"), default)),
            ("tổng hợp đơn vị (roll-up)", () => rollup.CommandAsync(As(principal), new TextCommand(CommandKind.Rollup, DepartmentNumber + " " + StatusSeed.Year, "tổng hợp"), default)),
        };
        foreach (var (name, run) in commands)
        {
            var card = await run().ConfigureAwait(false);
            for (var w = 0; w < 2; w++) await run().ConfigureAwait(false);
            var times = new List<double>();
            var bytes = new List<long>();
            for (var i = 0; i < runs; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var t = Stopwatch.GetTimestamp();
                await run().ConfigureAwait(false);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            }
            times.Sort();
            bytes.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {provider,-8} {name,-28} p50 {Percentile(times, 0.50),8:F1} ms   p99 {Percentile(times, 0.99),8:F1} ms   allocated {bytes[bytes.Count / 2] / 1048576.0,7:F1} MB/request (max {bytes[^1] / 1048576.0:F1})   card {card.SizeInBytes() / 1024.0:F1} KB"));
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The commands measured answer with their card; nothing is sent through the turn.</summary>
    private sealed class NoTurn : ITurnContext
    {
        public Activity Activity { get; } = new();
        public string ServiceUrl => "http://127.0.0.1/";
        public string ConversationId => "bench";
        public string? TenantId => Department;
        public IConnectorClient Connector => throw new NotSupportedException();
        public IReadOnlyList<(Activity Activity, ResourceResponse Response)> Sent => [];
        public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken ct = default) => Task.FromResult(new ResourceResponse());
        public Task<ResourceResponse> SendTextAsync(string text, CancellationToken ct = default) => Task.FromResult(new ResourceResponse());
        public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken ct = default) => Task.FromResult(new ResourceResponse());
        public Task DeleteAsync(string activityId, CancellationToken ct = default) => Task.CompletedTask;
    }
}
