using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Bot.Tab.Rollup;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;

/// <summary>
/// `bench tab [--assignments 2000] [--units 2000] [--runs 40]` on SQLite: one plan of N assignments (N members) and a
/// department of M schools (<see cref="RollupBench.SeedAsync"/>: two duties each, quarterly reports on time / late /
/// missing, implementing plans linked). Each row is what one paged JSON request of the tab does behind its endpoint
/// (/tab/api/plans, …/assignments, /tab/api/rollup, …/units/{code}): the store reads, filters, sort, paging and the JSON
/// (web defaults, as Results.Json), for the caller the endpoint resolved (the principal; the Sở's officer). Prints p50 /
/// p99 and bytes allocated per request after warm-up runs. Figures only; no test.
/// </summary>
internal static class TabBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        int n = 2000, units = 2000, runs = 40;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Thiếu giá trị cho {args[i]} / {args[i]} needs a value");
            switch (args[i])
            {
                case "--assignments": n = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--units": units = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"Tham số không hợp lệ / unknown option: {args[i]}");
                    Console.Error.WriteLine("usage: bench tab [--assignments 2000] [--units 2000] [--runs 40]");
                    return 2;
            }
        }
        if (n < 1 || units < 1 || runs < 1)
        {
            Console.Error.WriteLine("--assignments ≥ 1, --units ≥ 1, --runs ≥ 1");
            return 2;
        }
        var dir = Directory.CreateTempSubdirectory("teamsplans-tabbench-").FullName;
        try
        {
            await using var store = StateStoreFactory.Create(new StateStoreOptions { Provider = StateStoreOptions.Sqlite, ConnectionString = Path.Combine(dir, "s.db") }, TimeProvider.System);
            await store.MigrateAsync();
            var seed = Stopwatch.StartNew();
            await SeedPlanAsync(store, n);
            var year = DateTime.UtcNow.Year;
            await RollupBench.SeedAsync(store, units, year);
            await UnitStores.For(store).UpsertManyAsync([new Unit(RollupBench.Tenant, "SO", "Sở Giáo dục và Đào tạo", UnitKind.Department, null)
                { Head = new UnitContact("officer", null) }]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tab bench: SQLite, a plan of {n} assignments and a roll-up of {units} units seeded in {seed.Elapsed.TotalSeconds:F1} s; {runs} runs after 3 warm-up runs, {Environment.ProcessorCount} cores"));

            var plans = new TabQueries(store, TimeProvider.System);
            var rollup = new RollupQueries(store, TimeProvider.System);
            var principal = new TabCaller(Tenant, "principal", "Hiệu trưởng", MemberRoles.Principal | MemberRoles.Member);
            var officer = new TabCaller(RollupBench.Tenant, "officer", "Chuyên viên Sở", MemberRoles.Member);
            var pages = (n + 49) / 50;
            var rows = new (string Name, Func<Task<byte[]>> Request)[]
            {
                ("GET /tab/api/plans", async () => Json(Paged<PlanSummary>.Of(await plans.PlansAsync(principal, new PlanFilter(null, null, null, null, null), default), 1, 50, 2000))),
                ("GET …/assignments?sort=deadline (page 1, 50)", () => Assignments(plans, principal, new AssignmentFilter(null, null, null, "deadline", false), 1)),
                ($"GET …/assignments?sort=holder&desc (page {pages}, 50)", () => Assignments(plans, principal, new AssignmentFilter(null, null, null, "holder", true), pages)),
                ("GET …/assignments?q=tổ 7 (page 1, 50)", () => Assignments(plans, principal, new AssignmentFilter(null, null, "tổ 7", null, false), 1)),
                ("GET /tab/api/rollup (page 1, 100)", () => Rollup(rollup, store, officer, new RollupFilter(null, null, null, year, null, null))),
                ("GET /tab/api/rollup?state=overdue&kind=HighSchool", () => Rollup(rollup, store, officer, new RollupFilter(UnitKind.HighSchool, null, null, year, "overdue", null))),
                ("GET /tab/api/rollup/units/U00010", () => UnitDetail(rollup, store, officer, year, "U00010")),
            };
            foreach (var (name, request) in rows)
            {
                var size = (await request()).Length;
                for (var w = 0; w < 2; w++) await request();
                var times = new List<double>(runs);
                var bytes = new List<long>(runs);
                for (var i = 0; i < runs; i++)
                {
                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    var t = Stopwatch.GetTimestamp();
                    await request();
                    times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
                }
                times.Sort();
                bytes.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-52} p50 {times[runs / 2],8:F1} ms   p99 {times[Math.Min(runs - 1, (int)Math.Ceiling(0.99 * runs) - 1)],8:F1} ms   allocated {bytes[runs / 2] / 1048576.0,6:F1} MB/request   JSON {size / 1024.0,6:F1} KB"));
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private const string Tenant = "bench";
    private const string PlanId = "bench-plan";

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web);

    // As /tab/api/plans/{planId}/assignments: the caller's view of the plan, its rows filtered and sorted, one page.
    private static async Task<byte[]> Assignments(TabQueries q, TabCaller caller, AssignmentFilter filter, int page)
    {
        var p = (await q.PlanAsync(caller, PlanId, default))!.Value;
        var rows = await q.RowsAsync(caller, p.Plan, p.Visible, filter, false, default);
        return Json(Paged<AssignmentRow>.Of(rows, page, 50, 2000));
    }

    // As /tab/api/rollup: the officer's scope, the sheet read, the rows of the scope and filters, one page of 100.
    private static async Task<byte[]> Rollup(RollupQueries q, IStateStore store, TabCaller caller, RollupFilter filter)
    {
        var scope = (await DepartmentScope.ForAsync(caller, store, default))!;
        var sheet = await q.ReadAsync(caller.TenantId, filter, default);
        var paged = Paged<RollupUnitRow>.Of(q.Rows(sheet, scope, filter, false), 1, 100, 2000);
        var plans = sheet.Plans.Select(p => new { p.Plan.PlanId, p.Plan.Number, p.Plan.Title }).ToList();
        return Json(new { paged.Items, paged.Page, paged.Size, paged.Total, sheet.Year, scope.Officer, Plans = plans });
    }

    // As /tab/api/rollup/units/{code}: one unit's implementing plan and report periods.
    private static async Task<byte[]> UnitDetail(RollupQueries q, IStateStore store, TabCaller caller, int year, string code)
    {
        var scope = (await DepartmentScope.ForAsync(caller, store, default))!;
        var sheet = await q.ReadAsync(caller.TenantId, new RollupFilter(null, null, null, year, null, null), default);
        if (!scope.Allows(code) || !sheet.Units.TryGetValue(code, out var unit)) throw new InvalidOperationException("unit " + code + " not seeded");
        return Json(new { unit.Code, unit.Name, unit.ParentCode, sheet.Year, Plans = RollupQueries.Detail(sheet, code, false) });
    }

    /// <summary>One published plan of <paramref name="n"/> assignments, one member each, deadlines over 90 days, 40 "tổ".</summary>
    private static async Task SeedPlanAsync(IStateStore store, int n)
    {
        var now = DateTimeOffset.UtcNow;
        var doc = new PlanDocument { Number = "1/KH-BENCH", Title = "Kế hoạch thử tải", Issuer = "Trường THPT (mẫu)", Year = now.Year };
        await store.Plans.UpsertAsync(new StoredPlan(Tenant, PlanId, doc, null, PlanStatus.Published, null, now, now));
        var records = new List<AssignmentRecord>(n);
        for (var i = 1; i <= n; i++)
        {
            var aad = $"aad-{i:00000}";
            await store.Members.UpsertAsync(new Member(Tenant, aad, $"Giáo viên {i:00000}", null, null, $"Tổ {i % 40}", MemberRoles.Member, "vi-VN"));
            var due = DueDate.OnDate(DateOnly.FromDateTime(now.UtcDateTime).AddDays(i % 90));
            records.Add(new AssignmentRecord(Tenant, $"{PlanId}-a{i}", PlanId, i, new Assignee($"Giáo viên {i:00000}", null, $"Tổ {i % 40}"),
                $"Nhiệm vụ số {i}", [new Deadline(due, null, "Báo cáo", null, null)], aad, AssignmentState.New, now));
        }
        await store.Assignments.UpsertManyAsync(records);
    }
}
