using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>The tenants the reminder scheduler serves (the state store keeps no tenant list). Default: Delivery:Tenants.</summary>
internal interface IDeliveryTenantSource
{
    Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken ct);
}

internal sealed class ConfiguredTenantSource(IOptions<DeliveryOptions> options) : IDeliveryTenantSource
{
    public Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([.. options.Value.Tenants.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal)]);
}

/// <summary>
/// A plan's own reminder policy (offsets, overdue notice, send time), kept in the state store
/// (ISyncStateStore scope "reminder-policy", key = plan id). Plans without one use the Delivery defaults.
/// </summary>
internal sealed class ReminderPolicyStore(IStateStore store, IOptions<DeliveryOptions> options, TimeProvider time)
{
    public const string Scope = "reminder-policy";

    private sealed record Stored(List<int> OffsetsDays, bool OverdueNotice, string SendTime);

    /// <summary>The tenant-wide default: Delivery:ReminderOffsetsDays, ReminderSendTime, TimeZoneId, Holidays.</summary>
    public ReminderPolicy Default
    {
        get
        {
            var o = options.Value;
            return new ReminderPolicy
            {
                OffsetsDays = [.. o.ReminderOffsetsDays], SendTime = o.ReminderSendTime, TimeZoneId = o.TimeZoneId,
                Holidays = [.. o.Holidays.Select(h => DateOnly.ParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture))],
            };
        }
    }

    public async Task<ReminderPolicy> GetAsync(string tenantId, string planId, CancellationToken ct)
    {
        var e = await store.Sync.GetAsync(tenantId, Scope, planId, ct).ConfigureAwait(false);
        if (e?.DataJson is null) return Default;
        try
        {
            var s = JsonSerializer.Deserialize<Stored>(e.DataJson, JsonSerializerOptions.Web);
            if (s is null) return Default;
            return Default with
            {
                OffsetsDays = [.. s.OffsetsDays], OverdueNotice = s.OverdueNotice,
                SendTime = TimeOnly.ParseExact(s.SendTime, "HH:mm", CultureInfo.InvariantCulture),
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return Default;
        }
    }

    /// <summary>Sets a plan's policy; throws <see cref="ArgumentException"/> (bilingual) when it is invalid.</summary>
    public async Task SetAsync(string tenantId, string planId, IReadOnlyList<int> offsetsDays, TimeOnly sendTime, bool overdueNotice,
        CancellationToken ct)
    {
        var policy = Default with { OffsetsDays = [.. offsetsDays], SendTime = sendTime, OverdueNotice = overdueNotice };
        policy.Validate();
        var json = JsonSerializer.Serialize(new Stored([.. offsetsDays], overdueNotice, sendTime.ToString("HH:mm", CultureInfo.InvariantCulture)),
            JsonSerializerOptions.Web);
        await store.Sync.PutAsync(new SyncEntry(tenantId, Scope, planId, planId, null, json, time.GetUtcNow()), ct).ConfigureAwait(false);
    }
}

/// <summary>
/// One pass of the reminder scheduler over a tenant for a time window: queues the member reminders whose send instant
/// falls in the window (<see cref="ReminderCalendar"/>: offsets, working days, done members excluded) and, on working
/// days at the send time, one digest per plan head listing overdue duties and members who blocked the bot.
/// </summary>
internal sealed class ReminderPlanner(IStateStore store, DeliveryService delivery, ReminderPolicyStore policies, ILogger<ReminderPlanner> logger)
{
    public sealed record PassResult(int Reminders, int Digests);

    public async Task<PassResult> RunAsync(string tenantId, DateTimeOffset afterExclusive, DateTimeOffset untilInclusive, CancellationToken ct)
    {
        if (untilInclusive <= afterExclusive) return new(0, 0);
        var plans = (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false)).Where(p => p.Status == PlanStatus.Published).ToList();
        var calendars = new Dictionary<ReminderPolicy, ReminderCalendar>();
        ReminderCalendar CalendarOf(ReminderPolicy p) => calendars.TryGetValue(p, out var c) ? c : calendars[p] = new ReminderCalendar(p);

        var reminders = 0;
        var byPlan = new Dictionary<string, IReadOnlyList<AssignmentRecord>>();
        foreach (var plan in plans)
        {
            var cal = CalendarOf(await policies.GetAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false));
            if (!SendInstantIn(cal, afterExclusive, untilInclusive)) continue; // nothing can be due in this window
            var assignments = await store.Assignments.ListByPlanAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
            byPlan[plan.PlanId] = assignments;
            foreach (var a in assignments)
            {
                if (string.IsNullOrWhiteSpace(a.MemberAadObjectId)) continue;
                foreach (var r in cal.Due(a.State, a.Deadlines, afterExclusive, untilInclusive))
                {
                    // A yearly date's occurrences before the plan existed are not reminded.
                    if (r.DueDay < cal.LocalDate(plan.CreatedAt)) continue;
                    if (await delivery.EnqueueReminderAsync(a, r.Code, r.DueDay, null, ct).ConfigureAwait(false)) reminders++;
                }
            }
        }

        // Digests: tenant default calendar, working days, at the send time.
        var digests = 0;
        var tenantCal = CalendarOf(policies.Default);
        var heads = plans.Where(p => !string.IsNullOrWhiteSpace(p.HeadAadObjectId))
            .GroupBy(p => p.HeadAadObjectId!, StringComparer.OrdinalIgnoreCase).ToList();
        IReadOnlyList<WorkItem>? blocked = null;
        for (var day = tenantCal.LocalDate(afterExclusive); day <= tenantCal.LocalDate(untilInclusive); day = day.AddDays(1))
        {
            var at = tenantCal.SendInstant(day);
            if (at <= afterExclusive || at > untilInclusive || !tenantCal.IsWorkingDay(day)) continue;
            blocked ??= await store.Queue.ListAsync(tenantId, DeliveryOptions.QueueName, WorkState.Blocked, ct).ConfigureAwait(false);
            foreach (var head in heads)
            {
                var headMember = await store.Members.GetAsync(tenantId, head.Key, ct).ConfigureAwait(false);
                var en = CardStrings.For(headMember?.PreferredLocale) == CardStrings.En;
                var lines = new List<string>();
                var overdueCount = 0;
                foreach (var plan in head)
                {
                    if (!byPlan.TryGetValue(plan.PlanId, out var assignments))
                        byPlan[plan.PlanId] = assignments = await store.Assignments.ListByPlanAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
                    var since = tenantCal.LocalDate(plan.CreatedAt);
                    foreach (var a in assignments)
                    {
                        var due = a.Deadlines.Select(d => tenantCal.OverdueOccurrence(d, a.State, day, since)).Where(d => d is not null).Max();
                        if (due is null) continue;
                        overdueCount++;
                        var who = await NameAsync(tenantId, a.MemberAadObjectId, a.Assignee.Display, ct).ConfigureAwait(false);
                        lines.Add(en
                            ? $"• {who}: {DueFormat.Truncate(a.Duty, 120)} — due {DueFormat.Date(due.Value)} ({PlanCards.PlanTitle(plan)})"
                            : $"• {who}: {DueFormat.Truncate(a.Duty, 120)} — hạn {DueFormat.Date(due.Value)} ({PlanCards.PlanTitle(plan)})");
                    }
                    var prefix = DeliveryKeys.PlanPrefix(plan.PlanId);
                    foreach (var b in blocked.Where(b => b.IdempotencyKey.StartsWith(prefix, StringComparison.Ordinal))
                                 .Select(b => DeliveryPayload.TryParse(b.PayloadJson)?.MemberAadObjectId).Where(m => m is not null)
                                 .Distinct(StringComparer.OrdinalIgnoreCase))
                    {
                        var who = await NameAsync(tenantId, b, b!, ct).ConfigureAwait(false);
                        lines.Add(en
                            ? $"• {who} blocked the bot and does not receive {PlanCards.PlanTitle(plan)}"
                            : $"• {who} đã chặn bot, không nhận được thông báo của {PlanCards.PlanTitle(plan)}");
                    }
                }
                if (lines.Count == 0) continue;
                var title = en
                    ? string.Create(CultureInfo.InvariantCulture, $"Overdue digest {DueFormat.Date(day)}: {overdueCount} overdue duties")
                    : string.Create(CultureInfo.InvariantCulture, $"Tổng hợp ngày {DueFormat.Date(day)}: {overdueCount} nhiệm vụ quá hạn");
                if (await delivery.EnqueueDigestAsync(tenantId, head.Key, day, title, lines, ct).ConfigureAwait(false)) digests++;
            }
        }
        if (reminders > 0 || digests > 0)
            logger.LogInformation("Reminder pass over {TenantId}: {Reminders} reminders and {Digests} digests queued", tenantId, reminders, digests);
        return new(reminders, digests);
    }

    private async Task<string> NameAsync(string tenantId, string? aad, string fallback, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(aad)) return fallback;
        var m = await store.Members.GetAsync(tenantId, aad, ct).ConfigureAwait(false);
        return m?.DisplayName ?? fallback;
    }

    private static bool SendInstantIn(ReminderCalendar cal, DateTimeOffset after, DateTimeOffset until)
    {
        for (var d = cal.LocalDate(after); d <= cal.LocalDate(until); d = d.AddDays(1))
        {
            var at = cal.SendInstant(d);
            if (at > after && at <= until && cal.IsWorkingDay(d)) return true;
        }
        return false;
    }
}

/// <summary>
/// Background service: every <see cref="DeliveryOptions.ReminderTick"/> (TimeProvider timer) runs
/// <see cref="ReminderPlanner"/> for each tenant over (watermark, now] and advances the tenant's durable watermark
/// (ISyncStateStore scope "reminders"). The window never reaches back further than <see cref="DeliveryOptions.ReminderCatchUp"/>
/// (first start, or after an outage: stale reminders are dropped rather than sent late).
/// Several instances may run it: the delivery queue's idempotency keys keep one reminder per key.
/// </summary>
internal sealed class ReminderScheduler(IStateStore store, ReminderPlanner planner, IDeliveryTenantSource tenants, IOptions<DeliveryOptions> options,
    TimeProvider time, ILogger<ReminderScheduler> logger, EscalationPlanner escalations, UnitReportEscalationPlanner? unitReports = null,
    IEnumerable<IPeriodicPass>? passes = null)
        : BackgroundService
{
    public const string WatermarkScope = "reminders";
    public const string WatermarkKey = "watermark";

    /// <summary>Completed passes (diagnostics, tests).</summary>
    public int Passes => _passes;
    private int _passes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RemindersEnabled) return;
        var tick = options.Value.ReminderTick > TimeSpan.Zero ? options.Value.ReminderTick : TimeSpan.FromMinutes(1);
        using var timer = new PeriodicTimer(tick, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogError(e, "Reminder pass failed; next tick retries the same window");
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct).ConfigureAwait(false); }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>One pass over every tenant (also what a tick does).</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var tenant in await tenants.ListTenantsAsync(ct).ConfigureAwait(false))
        {
            var wm = await store.Sync.GetAsync(tenant, WatermarkScope, WatermarkKey, ct).ConfigureAwait(false);
            // Reminders older than the catch-up window are not sent late (after a long outage they are noise).
            var oldest = now - options.Value.ReminderCatchUp;
            var from = wm is not null && DateTimeOffset.TryParse(wm.RemoteId, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var w)
                && w > oldest
                ? w : oldest;
            if (from >= now) continue;
            await planner.RunAsync(tenant, from, now, ct).ConfigureAwait(false);
            await escalations.RunAsync(tenant, now, ct).ConfigureAwait(false);
            if (unitReports is not null) await unitReports.RunAsync(tenant, now, ct).ConfigureAwait(false);
            foreach (var pass in passes ?? []) await RunPassAsync(pass, tenant, now, ct).ConfigureAwait(false);
            await store.Sync.PutAsync(new SyncEntry(tenant, WatermarkScope, WatermarkKey, now.ToString("O", CultureInfo.InvariantCulture), null, null,
                now), ct).ConfigureAwait(false);
        }
        Interlocked.Increment(ref _passes);
    }

    /// <summary>A failing extra pass (e.g. Planner unreachable) is logged; the reminders' watermark still moves on.</summary>
    private async Task RunPassAsync(IPeriodicPass pass, string tenant, DateTimeOffset now, CancellationToken ct)
    {
        try { await pass.RunAsync(tenant, now, ct).ConfigureAwait(false); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Periodic pass {Pass} over {TenantId} failed; the next day's pass tries again", pass.GetType().Name, tenant);
        }
    }
}
