using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

/// <summary>
/// `bench tab [--assignments 2000]`: one plan of N assignments (N members) on SQLite; prints how long the tab's JSON API
/// work takes for the Plans list and for the first page (50 rows) of the plan's assignments table, each as the principal
/// (read, filter, sort, page, serialize), cold and warm. Figures only; no test.
/// </summary>
internal static class TabBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = 2000;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--assignments" && i + 1 < args.Length) n = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else { Console.Error.WriteLine("usage: bench tab [--assignments 2000]"); return 2; }
        }
        var dir = Directory.CreateTempSubdirectory("teamsplans-tabbench-").FullName;
        try
        {
            await using var store = StateStoreFactory.Create(new StateStoreOptions { Provider = StateStoreOptions.Sqlite, ConnectionString = Path.Combine(dir, "s.db") }, TimeProvider.System);
            await store.MigrateAsync();
            const string tenant = "bench";
            var now = DateTimeOffset.UtcNow;
            var doc = new PlanDocument { Number = "1/KH-BENCH", Title = "Kế hoạch thử tải", Issuer = "Trường THPT (mẫu)", Year = now.Year };
            await store.Plans.UpsertAsync(new StoredPlan(tenant, "bench-plan", doc, null, PlanStatus.Published, null, now, now));
            var records = new List<AssignmentRecord>(n);
            for (var i = 1; i <= n; i++)
            {
                var aad = $"aad-{i:00000}";
                await store.Members.UpsertAsync(new Member(tenant, aad, $"Giáo viên {i:00000}", null, null, $"Tổ {i % 40}", MemberRoles.Member, "vi-VN"));
                var due = DueDate.OnDate(DateOnly.FromDateTime(now.UtcDateTime).AddDays(i % 90));
                records.Add(new AssignmentRecord(tenant, $"bench-plan-a{i}", "bench-plan", i, new Assignee($"Giáo viên {i:00000}", null, $"Tổ {i % 40}"),
                    $"Nhiệm vụ số {i}", [new Deadline(due, null, "Báo cáo", null, null)], aad, AssignmentState.New, now));
            }
            await store.Assignments.UpsertManyAsync(records);
            var queries = new TabQueries(store, TimeProvider.System);
            var principal = new TabCaller(tenant, "principal", "Hiệu trưởng", MemberRoles.Principal);
            for (var round = 0; round < 2; round++)
            {
                var sw = Stopwatch.StartNew();
                var plans = await queries.PlansAsync(principal, new PlanFilter(null, null, null, null, null), default);
                var plansJson = JsonSerializer.Serialize(Paged<PlanSummary>.Of(plans, 1, 50, 200));
                var plansMs = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var p = (await queries.PlanAsync(principal, "bench-plan", default))!.Value;
                var rows = await queries.RowsAsync(principal, p.Plan, p.Visible, new AssignmentFilter(null, null, null, "deadline", false), false, default);
                var pageJson = JsonSerializer.Serialize(Paged<AssignmentRow>.Of(rows, 1, 50, 200));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"tab bench ({(round == 0 ? "cold" : "warm")}): {n} assignments on SQLite — plans list {plansMs:0} ms ({plansJson.Length} B), assignments page 1/{(rows.Count + 49) / 50} sorted by deadline {sw.Elapsed.TotalMilliseconds:0} ms ({pageJson.Length} B)"));
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
