using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

/// <summary>
/// `bench graph [N...]`: Graph requests per synced task for plans of N tasks (default 10, 100, 1000), through the real
/// SDK against the fake Graph server of the GraphSync tests (linked file). Prints, per phase, HTTP round trips,
/// Graph operations (batch sub-requests counted one by one), round trips per task, the floor — the fewest round trips any
/// client can reach: ceil(ops/20) for the operations a phase cannot do without (first sync: 3 per task) — and the ratio.
/// </summary>
public static class GraphBench
{
    sealed class Token : IAccessTokenProvider
    {
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? context = null, CancellationToken ct = default) => Task.FromResult("bench");
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10, 100, 1000];
        Console.WriteLine("Graph sync cost (fake Graph server, real Microsoft.Graph 6.10 SDK; list page size 100)");
        Console.WriteLine($"{"N",6} {"phase",-22} {"http",6} {"ops",6} {"writes",6} {"http/task",10} {"floor",6} {"ratio",6} {"ms",7}");
        foreach (var n in sizes)
        {
            await using var server = await FakeGraphServer.StartAsync();
            var stores = new InMemoryStores(TimeProvider.System);
            var opts = Options.Create(new GraphSyncOptions { Mode = "graph", BaseUrl = server.BaseUrl, GroupId = "group-bench" });
            var client = GraphClientBuilder.Create(new BaseBearerTokenAuthenticationProvider(new Token()), server.BaseUrl, TimeProvider.System, NullLogger.Instance);
            var board = new GraphTaskBoard(client, opts, stores, TimeProvider.System, NullLogger<GraphTaskBoard>.Instance);
            var sync = new PlannerSyncService(board, new GraphDirectory(client, TimeProvider.System, NullLogger<GraphDirectory>.Instance), stores, stores, TimeProvider.System, NullLogger<PlannerSyncService>.Instance);
            var users = Enumerable.Range(0, 30).Select(i => server.AddUser($"Giáo viên {i}", "Giáo viên", "Tổ " + (i % 6))).ToArray();
            var plan = new PlanDocument { Number = $"{n}/KH-BENCH", Year = 2024, Title = $"Kế hoạch {n} nhiệm vụ" };
            var now = DateTimeOffset.UtcNow;
            // N duties, each with a date (10 distinct deadlines → buckets), pre-resolved members, a two-part duty (checklist).
            AssignmentRecord Rec(int i, string suffix) => new("bench", $"p{n}:a{i}", $"p{n}", i,
                new Assignee(null, null, "Tổ " + (i % 6)), $"Chuẩn bị hồ sơ {i}{suffix}; nộp báo cáo {i}",
                [], users[i % users.Length], AssignmentState.New, now);
            var records = Enumerable.Range(1, n).Select(i => Rec(i, "")).ToList();

            // opsPerTask: the Graph operations a phase needs per task at the least (batched 20 to a round trip).
            async Task Phase(string name, Func<Task> act, int opsPerTask)
            {
                server.ClearLog();
                var sw = Stopwatch.StartNew();
                await act();
                sw.Stop();
                var http = server.TopLevel().Count;
                var ops = server.Operations().Count;
                var w = server.Writes().Count;
                var lower = opsPerTask == 0 ? 0 : (int)Math.Ceiling(opsPerTask * n / 20.0);
                var ratio = lower == 0 ? (http == 0 ? "0" : "n/a") : (http / (double)lower).ToString("0.000", CultureInfo.InvariantCulture);
                Console.WriteLine($"{n,6} {name,-22} {http,6} {ops,6} {w,6} {http / (double)n,10:0.000} {lower,6} {ratio,6} {sw.ElapsedMilliseconds,7}");
            }

            await Phase("first sync (create)", () => sync.SyncPlanAsync("bench", $"p{n}", plan, records, "https://school.sharepoint.com/Kế hoạch/bench.docx"), 3);
            await Phase("no-change sync", () => sync.SyncPlanAsync("bench", $"p{n}", plan, records, "https://school.sharepoint.com/Kế hoạch/bench.docx"), 0);
            var edited = records.Select(r => r with { Duty = r.Duty + " (sửa)" }).ToList();
            await Phase("all duties edited", () => sync.SyncPlanAsync("bench", $"p{n}", plan, edited, "https://school.sharepoint.com/Kế hoạch/bench.docx"), 2);
            var reassigned = edited.Select(r => r with { MemberAadObjectId = users[(r.Ordinal + 1) % users.Length] }).ToList();
            await Phase("all reassigned", () => sync.SyncPlanAsync("bench", $"p{n}", plan, reassigned, "https://school.sharepoint.com/Kế hoạch/bench.docx"), 1);
            await Phase("poll, no change", () => sync.PollAsync("bench"), 0);
        }
        Console.WriteLine("http = HTTP round trips to Graph ($batch counts once); ops = Graph operations incl. batch sub-requests;");
        Console.WriteLine("writes = non-GET Graph operations; floor = ceil(k*N/20), k operations per task in $batches of 20; ratio = http / floor.");
        Console.WriteLine("First sync: k = 3 (POST task; GET details, since the create response has no details ETag; PATCH details), plus");
        Console.WriteLine("POST plan and one bucket $batch. No ETag refresh listing: Planner accepts the older task ETag for later writes that");
        Console.WriteLine("do not touch the counters the details write changed. Duty edit: k = 2 (PATCH task, PATCH details with the kept ETag).");
        Console.WriteLine("Reassign: k = 1. Poll: one paged listing (100 per page), not a per-task cost.");
        return 0;
    }
}
