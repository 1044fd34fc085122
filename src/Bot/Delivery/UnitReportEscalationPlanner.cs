using System.Globalization;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Escalation of a unit's overdue report (issue 15): in a department tenant with subordinate units (Rollup:Units), for
/// each published plan with periodic report deadlines this year, a unit that has not handed in its report N working days
/// (the plan's escalation threshold, default 3) after the due day is raised to the department officer who issued the
/// plan (its head, who published it), with the unit's name. Once per plan, unit and period (the delivery queue's
/// idempotency key); the next periods are new steps. Working days and the send hour follow the reminders' calendar.
/// </summary>
/// <remarks>Without Rollup:Units (a host without the conversation features) it raises nothing.</remarks>
internal sealed class UnitReportEscalationPlanner(IStateStore store, EscalationPlanner thresholds, DeliveryService delivery,
    ReminderPolicyStore policies, RollupService rollup, ILogger<UnitReportEscalationPlanner> logger,
    RollupOptions? units = null)
{

    /// <summary>Queues the escalations due on the local day of <paramref name="now"/>; returns how many were queued.</summary>
    public async Task<int> RunAsync(string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        if (units is null) return 0;
        var unitIds = units.UnitsOf(tenantId);
        if (unitIds.Count == 0) return 0;
        var queued = 0;
        foreach (var plan in (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false))
                     .Where(p => p.Status == PlanStatus.Published && !string.IsNullOrWhiteSpace(p.HeadAadObjectId)))
        {
            var calc = new OfficialStateCalculator(new ReminderCalendar(await policies.GetAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false)));
            var today = calc.Calendar.LocalDate(now);
            if (!calc.Calendar.IsWorkingDay(today) || now < calc.Calendar.SendInstant(today)) continue;
            if (RollupService.Occurrences(plan.Document, today.Year).Count == 0) continue;
            if (await rollup.BuildAsync(tenantId, plan.PlanId, unitIds, today.Year, ct).ConfigureAwait(false) is not { } r) continue;
            var threshold = await thresholds.WorkingDaysAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
            var officer = await store.Members.GetAsync(tenantId, plan.HeadAadObjectId!, ct).ConfigureAwait(false);
            var en = CardStrings.For(officer?.PreferredLocale) == CardStrings.En;
            foreach (var u in r.Units)
                foreach (var p in u.Periods.Where(p => !p.Submitted))
                {
                    var due = new Deadline(DueDate.OnDate(p.Occurrence.Due), null, p.Occurrence.What, null, null);
                    var late = calc.WorkingDaysOverdue([due], null, today);
                    if (late < threshold) continue;
                    var name = units.UnitNames.GetValueOrDefault(u.TenantId) ?? u.ImplementingPlans.FirstOrDefault()?.Number ?? u.TenantId;
                    var title = en
                        ? string.Create(CultureInfo.InvariantCulture, $"Report not handed in, {late} working days overdue: {name}")
                        : string.Create(CultureInfo.InvariantCulture, $"Đơn vị chưa nộp báo cáo, quá hạn {late} ngày làm việc: {name}");
                    var line = "• " + DueFormat.Truncate(p.Occurrence.What, 200) + (en ? " — due " : " — hạn ") + DueFormat.Date(p.Occurrence.Due)
                        + " (" + PlanCards.PlanTitle(plan) + ")";
                    var key = $"escalate|p:{plan.PlanId}|u:{u.TenantId}|d:{p.Occurrence.PeriodKey}|officer";
                    if (!await delivery.EnqueueNoticeAsync(tenantId, plan.HeadAadObjectId!, key, today, title, [line], ct).ConfigureAwait(false))
                        continue;
                    queued++;
                    logger.LogInformation(
                        "Escalated the {Period} report of unit {UnitTenantId} on {PlanId} in {TenantId} to {Officer}: {WorkingDays} days late",
                        p.Occurrence.PeriodKey, u.TenantId, plan.PlanId, tenantId, plan.HeadAadObjectId, late);
                }
        }
        return queued;
    }
}
