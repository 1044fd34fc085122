using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Features.UnitRollup;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Rollup;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;
using TeamsPlans.Testing;

/// <summary>
/// `bench rollup [--provider sqlite,postgres] [--units 2000] [--runs 40]`: a department directory of N schools, a plan giving
/// each school "xây dựng kế hoạch" and a quarterly report (4 periods in the year), reports handed in on time, late or not at
/// all, implementing plans linked for half the schools; then the unit roll-up ("tổng hợp đơn vị": the five-query store read,
/// the calculator and the card) timed. Prints p50 / p99 and the bytes allocated per request for each provider.
/// </summary>
internal static class RollupBench
{
    internal const string Tenant = "tenant-so-bench";
    private const string PlanId = "plan-units";

    public static async Task<int> RunAsync(string[] args)
    {
        var providers = new List<string> { DeliveryFixture.Sqlite, DeliveryFixture.Postgres };
        int units = 2000, runs = 40;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Thiếu giá trị cho {args[i]} / {args[i]} needs a value");
            switch (args[i])
            {
                case "--provider": providers = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                case "--units": units = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"Tham số không hợp lệ / unknown option: {args[i]}");
                    Console.Error.WriteLine("usage: bench rollup [--provider sqlite,postgres] [--units 2000] [--runs 40]");
                    return 2;
            }
        }
        if (units < 1 || runs < 1)
        {
            Console.Error.WriteLine("--units ≥ 1, --runs ≥ 1");
            return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rollup bench: {units} units × 4 quarterly reports, {runs} runs after 3 warm-up runs, {Environment.ProcessorCount} cores"));
        foreach (var provider in providers)
            await RunProviderAsync(provider, units, runs).ConfigureAwait(false);
        return 0;
    }

    private static async Task RunProviderAsync(string provider, int units, int runs)
    {
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions(), provider).ConfigureAwait(false);
        await using var store = f.OpenStore();
        var seedClock = Stopwatch.StartNew();
        var year = DateTime.UtcNow.Year;
        var reports = await SeedAsync(store, units, year).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: seeded {units} units, {units * 2} assignments, {reports} reports, {units / 2} links in {seedClock.Elapsed.TotalSeconds:F1} s"));

        var service = new UnitRollupService(store, TimeProvider.System, NullLogger<UnitRollupService>.Instance);
        var view = CardView.For("vi-VN", VietnamTime.Today(TimeProvider.System));
        var filtered = new UnitRollupFilter([UnitKind.HighSchool], null);
        var reads = UnitRollupStores.For(store);
        var cases = new (string Name, UnitRollupFilter? Filter)[] { ("store read", null), ("all units", UnitRollupFilter.All), ("THPT only", filtered) };
        foreach (var (name, filter) in cases)
        {
            // "store read": the roll-up store's six queries alone (reports with their review); the others: read, calculator and
            // card, as the chat command answers.
            async Task<AdaptiveCard?> Run() => filter is null
                ? (await reads.ReadReviewedAsync(Tenant, PlanId, default).ConfigureAwait(false) is null ? null : null)
                : UnitRollupCards.Card((await service.BuildAsync(Tenant, PlanId, year, filter, default).ConfigureAwait(false))!, filter, view);
            var card = await Run().ConfigureAwait(false);
            for (var w = 0; w < 2; w++) await Run().ConfigureAwait(false);
            var times = new List<double>();
            var bytes = new List<long>();
            for (var i = 0; i < runs; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var t = Stopwatch.GetTimestamp();
                await Run().ConfigureAwait(false);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            }
            times.Sort();
            bytes.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {provider,-8} tổng hợp đơn vị ({name,-9}) p50 {times[runs / 2],8:F1} ms   p99 {times[Math.Min(runs - 1, (int)Math.Ceiling(0.99 * runs) - 1)],8:F1} ms   allocated {bytes[runs / 2] / 1048576.0,6:F1} MB/request   card {(card is null ? 0 : card.SizeInBytes() / 1024.0):F1} KB"));
        }
    }

    /// <summary>Directory, plan, two duties per unit, reports (unit i: quarter q on time, late or missing by (i + q) % 3), links.</summary>
    internal static async Task<int> SeedAsync(IStateStore store, int units, int year)
    {
        var now = DateTimeOffset.UtcNow;
        var directory = new List<Unit> { new(Tenant, "SO", "Sở Giáo dục và Đào tạo", UnitKind.Department, null) };
        for (var i = 0; i < units; i++)
        {
            var kind = (i % 4) switch { 0 => UnitKind.HighSchool, 1 => UnitKind.LowerSecondarySchool, 2 => UnitKind.PrimarySchool, _ => UnitKind.Preschool };
            directory.Add(new Unit(Tenant, Code(i), $"Trường {UnitKinds.Label(kind, false)[7..]} Thử Nghiệm {i}", kind, "SO")
                { Head = new UnitContact("head-" + i, null) });
        }
        await UnitStores.For(store).UpsertManyAsync(directory).ConfigureAwait(false);
        var quarterly = new Deadline(DueDate.Yearly(3, 31), Recurrence.Quarterly, "Báo cáo quý", null, null);
        var doc = new PlanDocument { Number = "900/KH-SGDĐT", Title = "Kế hoạch triển khai nhiệm vụ năm học", Year = year, Deadlines = [quarterly] };
        await store.Plans.UpsertAsync(new StoredPlan(Tenant, PlanId, doc, null, PlanStatus.Published, "principal", now, now)).ConfigureAwait(false);
        var records = new List<AssignmentRecord>(units * 2);
        for (var i = 0; i < units; i++)
        {
            var u = directory[i + 1];
            var assignee = new Assignee(null, null, u.Name) { Target = new AssigneeTarget(AssigneeKind.Unit, [new UnitSelector(u.Code, [u.Kind]) { Text = "các đơn vị trực thuộc" }]) };
            records.Add(new AssignmentRecord(Tenant, $"a-{i}-1", PlanId, 2 * i + 1, assignee, "Xây dựng kế hoạch triển khai của đơn vị", [], u.Head!.AadObjectId, AssignmentState.New, now));
            records.Add(new AssignmentRecord(Tenant, $"a-{i}-2", PlanId, 2 * i + 2, assignee, "Báo cáo kết quả thực hiện hằng quý", [quarterly], u.Head!.AadObjectId, AssignmentState.New, now));
        }
        foreach (var chunk in records.Chunk(5000)) await store.Assignments.UpsertManyAsync(chunk).ConfigureAwait(false);
        var dues = RollupService.Occurrences(doc, year);
        var toAdd = new List<ReportSubmission>();
        for (var i = 0; i < units; i++)
            for (var q = 0; q < dues.Count; q++)
            {
                var kind = (i + q) % 3; // 0 on time, 1 late, 2 missing
                if (kind == 2) continue;
                var at = new DateTimeOffset(dues[q].Due.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero).AddDays(kind == 0 ? -2 : 5);
                toAdd.Add(new ReportSubmission(Tenant, $"r-{i}-{q}", $"a-{i}-2", dues[q].PeriodKey, "bao-cao.docx", null, "head-" + i, at));
            }
        await Parallel.ForEachAsync(toAdd, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, ct) => await store.Reports.AddAsync(r, ct).ConfigureAwait(false)).ConfigureAwait(false);
        var links = UnitRollupStores.For(store);
        await Parallel.ForEachAsync(Enumerable.Range(0, units / 2), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await links.LinkAsync(new UnitPlanLink(Tenant, PlanId, Code(2 * i), Tenant, "school-plan-" + i, $"{i}/KH-TRUONG", "Kế hoạch của trường", null, now), ct).ConfigureAwait(false)).ConfigureAwait(false);
        return toAdd.Count;
    }

    private static string Code(int i) => "U" + i.ToString("00000", CultureInfo.InvariantCulture);
}
