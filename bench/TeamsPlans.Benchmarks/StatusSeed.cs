using System.Globalization;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using TeamsPlans.Testing;

/// <summary>
/// The data of `bench status`, written through the store in batches (assignments 5,000 per transaction, the other rows with
/// several writers at once): a department with plans, members, assignments, reports and delivery queue items, and its units.
/// </summary>
internal static class StatusSeed
{
    public const string Principal = "principal";
    public const int Members = 2000;
    public static readonly int Year = DateTime.UtcNow.Year;

    public static string MemberId(int i) => "m" + i.ToString("00000", CultureInfo.InvariantCulture);
    public static string Unit(int i) => "unit-" + i.ToString("0000", CultureInfo.InvariantCulture);
    public static string PlanNumber(int i) => i.ToString(CultureInfo.InvariantCulture) + "/KH-SGDĐT";

    public static async Task<string> SeedAsync(DeliveryFixture f, string dept, string deptNumber, int plans, int assignments, int units)
    {
        await using var store = f.OpenStore();
        var now = DateTimeOffset.UtcNow;
        var perPlan = assignments / plans;
        var quarterly = new Deadline(DueDate.Yearly(3, 31), Recurrence.Quarterly, "Báo cáo quý", null, null);

        await store.Members.UpsertAsync(new Member(dept, Principal, "Giám đốc Sở", null, "Giám đốc", null, MemberRoles.Principal, "vi-VN"));
        await ParallelAsync(Members, i => store.Members.UpsertAsync(new Member(dept, MemberId(i), $"Chuyên viên {i}", null, "Chuyên viên", null, MemberRoles.Member, "vi-VN")));

        await ParallelAsync(plans, i =>
        {
            var doc = new PlanDocument
            {
                Number = i == 0 ? deptNumber : PlanNumber(i), Title = $"Kế hoạch số {i} về công tác giáo dục năm học {Year}–{Year + 1}",
                Year = Year, Issuer = "Sở Giáo dục và Đào tạo", Deadlines = [quarterly],
            };
            var status = i % 10 == 9 ? PlanStatus.Draft : i % 10 == 8 ? PlanStatus.Archived : PlanStatus.Published;
            return store.Plans.UpsertAsync(new StoredPlan(dept, "plan-" + i, doc, null, status, Principal, now.AddMinutes(-plans + i), now.AddMinutes(-plans + i)));
        });

        var records = new List<AssignmentRecord>(assignments);
        for (var p = 0; p < plans; p++)
            for (var k = 0; k < perPlan; k++)
            {
                var n = records.Count;
                var due = DateOnly.FromDateTime(now.UtcDateTime).AddDays(n % 90 - 30);
                var state = (n % 4) switch
                {
                    0 => AssignmentState.New,
                    1 => AssignmentState.New with { Status = AssignmentStatus.Acknowledged, Version = 2, AcknowledgedAt = now },
                    2 => AssignmentState.New with { Status = AssignmentStatus.InProgress, PercentComplete = 50, Version = 3, AcknowledgedAt = now },
                    _ => AssignmentState.New with { Status = AssignmentStatus.Done, PercentComplete = 100, Version = 4, AcknowledgedAt = now, CompletedAt = now },
                };
                records.Add(new AssignmentRecord(dept, $"a-{p}-{k}", "plan-" + p, k, new Assignee($"Chuyên viên {n % Members}", null, null),
                    $"Nhiệm vụ {k} của kế hoạch {p}: tổng hợp, báo cáo kết quả thực hiện", [DeliveryFixture.Due(due)], MemberId(n % Members), state, now));
            }
        foreach (var chunk in records.Chunk(5000)) await store.Assignments.UpsertManyAsync(chunk);

        // A report on every tenth assignment.
        var reports = records.Where((_, i) => i % 10 == 0).ToList();
        await ParallelAsync(reports.Count, i => store.Reports.AddAsync(new ReportSubmission(dept, "r-" + i, reports[i].AssignmentId,
            $"{Year}-03-31", "bao-cao.docx", null, reports[i].MemberAadObjectId!, now.AddMinutes(-i))));

        // Delivery queue: the assignment cards of the 100 latest plans, 1 % of them failed.
        var queued = records.Where(r => int.Parse(r.PlanId.AsSpan(5), CultureInfo.InvariantCulture) >= plans - 100).ToList();
        await ParallelAsync(queued.Count, i => store.Queue.EnqueueAsync(dept, DeliveryOptions.QueueName, DeliveryKinds.Assignment,
            DeliveryKeys.Assignment(queued[i].PlanId, queued[i].AssignmentId, queued[i].MemberAadObjectId!), "{}", null));
        var claimed = await store.Queue.ClaimAsync(DeliveryOptions.QueueName, "seed", queued.Count / 100, TimeSpan.FromMinutes(5));
        foreach (var item in claimed) await store.Queue.FailAsync(item.Id, "seed", WorkState.Failed, "HTTP 500 (seed)");

        // Units: one implementing plan each (citing the department plan), 5 assignments, a report for the first quarter on two thirds.
        await ParallelAsync(units, async u =>
        {
            var t = Unit(u);
            var doc = new PlanDocument
            {
                Number = $"{u}/KH-THPT", Title = $"Kế hoạch thực hiện {deptNumber}", Year = Year, Issuer = $"Trường THPT số {u}",
                LegalBases = [new LegalBasis("Kế hoạch", deptNumber, null, "Sở Giáo dục và Đào tạo", $"Kế hoạch số {deptNumber} của Sở GDĐT")],
            };
            await store.Plans.UpsertAsync(new StoredPlan(t, "u-plan", doc, null, PlanStatus.Published, "head", now, now));
            await store.Assignments.UpsertManyAsync([.. Enumerable.Range(0, 5).Select(k => new AssignmentRecord(t, $"ua-{k}", "u-plan", k,
                new Assignee("Tổ trưởng", null, null), "Báo cáo quý", [quarterly], "head", AssignmentState.New, now))]);
            if (u % 3 != 0)
                await store.Reports.AddAsync(new ReportSubmission(t, "ur-" + u, "ua-0", $"{Year}-03-31", "bao-cao-quy.docx", null, "head", now));
        });
        return string.Create(CultureInfo.InvariantCulture,
            $"{plans} plans, {records.Count} assignments, {Members + 1} members, {reports.Count} reports, {queued.Count} queue items ({claimed.Count} failed), {units} units");
    }

    private static async Task ParallelAsync(int count, Func<int, Task> work)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await work(i).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }
}
