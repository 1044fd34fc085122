using System.Globalization;
using System.Text.Json;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Escalation (issue 15): an assignment not done and overdue by N working days (per plan, ISyncStateStore scope
/// "escalation-policy"; default <see cref="DefaultWorkingDays"/>) is raised to the plan's head with the holder's name,
/// once per assignment and deadline (the queue's idempotency key), on the reminder calendar's working days. The daily
/// digest goes on listing it; the escalation is not repeated.
/// </summary>
internal sealed class EscalationPlanner(IStateStore store, DeliveryService delivery, ReminderPolicyStore policies, TimeProvider time,
    ILogger<EscalationPlanner> logger)
{
    public const string Scope = "escalation-policy";
    public const int DefaultWorkingDays = 3;

    private sealed record Stored(int WorkingDays);

    public async Task<int> WorkingDaysAsync(string tenantId, string planId, CancellationToken ct)
    {
        var e = await store.Sync.GetAsync(tenantId, Scope, planId, ct).ConfigureAwait(false);
        try { return e?.DataJson is { } json && JsonSerializer.Deserialize<Stored>(json, JsonSerializerOptions.Web) is { WorkingDays: > 0 } s
            ? s.WorkingDays : DefaultWorkingDays; }
        catch (JsonException) { return DefaultWorkingDays; }
    }

    /// <summary>Sets a plan's threshold (1–60 working days); throws <see cref="ArgumentOutOfRangeException"/> otherwise.</summary>
    public Task SetWorkingDaysAsync(string tenantId, string planId, int workingDays, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, 60);
        return store.Sync.PutAsync(new SyncEntry(tenantId, Scope, planId, planId, null,
            JsonSerializer.Serialize(new Stored(workingDays), JsonSerializerOptions.Web), time.GetUtcNow()), ct);
    }

    /// <summary>Queues the escalations due on the local day of <paramref name="now"/>; returns how many were queued.</summary>
    public async Task<int> RunAsync(string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var queued = 0;
        foreach (var plan in (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false))
            .Where(p => p.Status == PlanStatus.Published && !string.IsNullOrWhiteSpace(p.HeadAadObjectId)))
        {
            var policy = await policies.GetAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
            var calc = new OfficialStateCalculator(new ReminderCalendar(policy));
            var today = calc.Calendar.LocalDate(now);
            // On working days, from the reminders' send time (08:00 by default).
            if (!calc.Calendar.IsWorkingDay(today) || now < calc.Calendar.SendInstant(today)) continue;
            var threshold = await WorkingDaysAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
            var head = await store.Members.GetAsync(tenantId, plan.HeadAadObjectId!, ct).ConfigureAwait(false);
            var en = CardStrings.For(head?.PreferredLocale) == CardStrings.En;
            foreach (var a in await store.Assignments.ListByPlanAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false))
            {
                if (a.State.Status == AssignmentStatus.Done) continue;
                var late = calc.WorkingDaysOverdue(a.Deadlines, plan.Document.Year, today);
                if (late < threshold || calc.EffectiveDeadline(a.Deadlines, plan.Document.Year, today) is not { } due) continue;
                var holder = a.MemberAadObjectId is { } m ? (await store.Members.GetAsync(tenantId, m, ct).ConfigureAwait(false))?.DisplayName : null;
                var who = holder ?? a.Assignee.Display;
                var title = en
                    ? string.Create(CultureInfo.InvariantCulture, $"Overdue by {late} working days: {who}")
                    : string.Create(CultureInfo.InvariantCulture, $"Quá hạn {late} ngày làm việc: {who}");
                string line = (en ? "• Holder: " : "• Người thực hiện: ") + who + " — " + DueFormat.Truncate(a.Duty, 200)
                    + (en ? " — due " : " — hạn ") + DueFormat.Date(due) + " (" + PlanCards.PlanTitle(plan) + ")";
                var key = $"escalate|p:{plan.PlanId}|a:{a.AssignmentId}|d:{DeliveryKeys.Day(due)}|head";
                if (await delivery.EnqueueNoticeAsync(tenantId, plan.HeadAadObjectId!, key, today, title, [line], ct).ConfigureAwait(false))
                {
                    queued++;
                    logger.LogInformation("Escalated {AssignmentId} of {PlanId} in {TenantId} to {Head}: {WorkingDays} working days overdue",
                        a.AssignmentId, plan.PlanId, tenantId, plan.HeadAadObjectId, late);
                }
            }
        }
        return queued;
    }
}
