using System.Globalization;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Turns an imported plan into board tasks.
/// - One task per assignment ("[NV01] Văn phòng Sở: …"), due at its earliest deadline, checklist = the duty split on ';'
///   (when it has several parts), reference = the plan document in the library, progress = the member's state.
/// - One task per report deadline of an assignment ("[BC01-1] Báo cáo: …") and per plan-level deadline not already
///   covered ("[BC00-1] …").
/// - Buckets are per deadline ("Hạn 10/05/2024"), plus "Nhiệm vụ thường xuyên" for undated duties: the board then reads
///   as a timeline, which is how schools track plans. A plan with more than 200 distinct deadlines is refused (Planner limit).
/// The bracketed code is deterministic: it finds a task created just before a crash (adoption, no duplicates).
/// </summary>
internal static class PlanTaskBuilder
{
    public const string UndatedBucket = "Nhiệm vụ thường xuyên";

    static readonly TeamsPlans.Plans.Scheduling.OfficialStateCalculator States = new(new TeamsPlans.Plans.Scheduling.ReminderCalendar());

    public static string BucketFor(DateTimeOffset? due) =>
        due is { } d ? "Hạn " + PlannerDueDates.ToVietnamDay(d).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : UndatedBucket;

    public static IReadOnlyList<string> SplitDuty(string duty) =>
        duty.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => s.TrimEnd('.', ' '))
            .Where(s => s.Length > 0).ToList();

    static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";

    static string OneLine(string s) => string.Join(' ', s.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Builds the tasks. <paramref name="assigneeIds"/>: assignment id → directory user ids.</summary>
    /// <param name="today">When given (Asia/Ho_Chi_Minh), each assignment's task is labelled with its official state
    /// (<see cref="PlannerLabels"/>) on that day, on the reminders' default working-day calendar.</param>
    public static IReadOnlyList<BoardTask> Build(PlanDocument plan, IReadOnlyList<AssignmentRecord> assignments,
        IReadOnlyDictionary<string, IReadOnlyList<string>> assigneeIds, string? documentUrl,
        DateOnly? today = null)
    {
        var year = plan.Year ?? plan.IssuedOn?.Year;
        var alias = string.IsNullOrWhiteSpace(plan.Number) ? "Văn bản kế hoạch" : $"Kế hoạch {plan.Number}";
        var tasks = new List<BoardTask>();
        var covered = new HashSet<(DueDate, string)>();
        foreach (var a in assignments.OrderBy(a => a.Ordinal))
        {
            var code = $"NV{a.Ordinal.ToString("00", CultureInfo.InvariantCulture)}";
            var ids = assigneeIds.TryGetValue(a.AssignmentId, out var x) ? x : a.MemberAadObjectId is { } m ? [m] : [];
            var dues = a.Deadlines.Select(d => (Deadline: d, At: PlannerDueDates.ToPlannerDue(d.Due, year))).OrderBy(d => d.At).ToList();
            DateTimeOffset? due = dues.Count > 0 ? dues[0].At : null;
            var parts = SplitDuty(a.Duty);
            var duty = OneLine(a.Duty);
            var deadlinesText =
                string.Join("; ", dues.Select(d => $"{d.Deadline.What} – trước ngày {PlannerDueDates.ToVietnamDay(d.At):dd/MM/yyyy}"));
            tasks.Add(new BoardTask(a.AssignmentId, Clip($"[{code}] {a.Assignee.Display}: {duty}", PlannerLimits.MaxTitleLength),
                BucketFor(due), due, ids,
                parts.Count > 1 ? parts.Select(p => OneLine(p)).ToList() : [], documentUrl, alias, a.State.PercentComplete,
                $"Người thực hiện / Assignee: {a.Assignee.Display}\nNhiệm vụ / Duty: {duty}"
                    + (deadlinesText.Length > 0 ? $"\nHạn / Deadlines: {deadlinesText}" : ""))
            { AssignmentId = a.AssignmentId, Label = today is { } d0 ? PlannerLabels.CodeOf(States.Of(a.State, a.Deadlines, year, d0)) : null });
            for (var i = 0; i < dues.Count; i++)
            {
                var (d, at) = dues[i];
                covered.Add((d.Due, d.What));
                tasks.Add(new BoardTask($"{a.AssignmentId}:d{i + 1}",
                    Clip($"[BC{a.Ordinal:00}-{i + 1}] Báo cáo: {OneLine(d.What)}", PlannerLimits.MaxTitleLength),
                    BucketFor(at), at, ids, [], documentUrl, alias, null,
                    $"Báo cáo / Report: {OneLine(d.What)}" + (d.To is null ? "" : $"\nGửi / To: {d.To}")
                        + $"\nHạn / Due: trước ngày {PlannerDueDates.ToVietnamDay(at):dd/MM/yyyy}")
                { AssignmentId = a.AssignmentId });
            }
        }
        var n = 0;
        foreach (var d in plan.Deadlines)
        {
            if (covered.Contains((d.Due, d.What))) continue;
            n++;
            var at = PlannerDueDates.ToPlannerDue(d.Due, year);
            tasks.Add(new BoardTask($"plan:d{n}", Clip($"[BC00-{n}] Báo cáo: {OneLine(d.What)}", PlannerLimits.MaxTitleLength), BucketFor(at), at, [],
                [], documentUrl, alias, null,
                $"Báo cáo / Report: {OneLine(d.What)}" + (d.Assignee is null ? "" : $"\nNgười thực hiện / Assignee: {d.Assignee}")
                    + $"\nHạn / Due: trước ngày {PlannerDueDates.ToVietnamDay(at):dd/MM/yyyy}"));
        }
        var buckets = tasks.Select(t => t.Bucket).Distinct().Count();
        if (buckets > PlannerLimits.MaxBucketsPerPlan)
            throw new PlannerLimitException("planner.buckets",
                $"Kế hoạch có {buckets} mốc hạn khác nhau; Planner cho phép tối đa {PlannerLimits.MaxBucketsPerPlan} nhóm (bucket).",
                $"The plan has {buckets} distinct deadlines; Planner allows at most {PlannerLimits.MaxBucketsPerPlan} buckets.");
        return tasks;
    }

    /// <summary>Assignment records for a freshly parsed plan (ids "{planId}:a{ordinal}").</summary>
    public static IReadOnlyList<AssignmentRecord> RecordsFor(string tenantId, string planId, PlanDocument plan, DateTimeOffset now) =>
        plan.Assignments.Select((a, i) => new AssignmentRecord(tenantId, $"{planId}:a{i + 1}", planId, i + 1, a.Assignee, a.Duty, a.Deadlines, null,
            AssignmentState.New, now)).ToList();
}
