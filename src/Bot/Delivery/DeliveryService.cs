using System.Globalization;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>One delivery as shown to admins: who, what, state (queued / sending / sent / skipped / failed / blocked) and why.</summary>
internal sealed record DeliveryStatusItem(
    string Key, string Kind, string? PlanId, string? AssignmentId, string? MemberAadObjectId, string State, int Attempts,
    string? Reason, string? ActivityId, bool PossibleDuplicate, DateTimeOffset UpdatedAt);

/// <summary>The deliveries of a plan (or of a tenant when no plan is given), with counts per state.</summary>
internal sealed record DeliveryReport(string TenantId, string? PlanId, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<DeliveryStatusItem> Items)
{
    public int Count(string state) => Counts.TryGetValue(state, out var n) ? n : 0;
}

/// <summary>States of <see cref="DeliveryStatusItem.State"/>.</summary>
internal static class DeliveryStates
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    public const string Blocked = "blocked";
    /// <summary>Waiting for the member to install the app (or for a Graph install to reach Teams): sent as soon as possible.</summary>
    public const string Waiting = "waiting";
}

/// <summary>
/// The front of the delivery pipeline, used by the bot and the CLI: enqueue a plan's assignment cards (the durable
/// <see cref="IAssignmentPublisher"/>), reminders and digests; query delivery status; resend to failed recipients only.
/// Nothing here talks to Teams: the <see cref="DeliveryWorker"/> sends.
/// </summary>
internal sealed partial class DeliveryService(IStateStore store, TimeProvider time, ILogger<DeliveryService> logger)
    : IAssignmentPublisher, IPlanReminderSender, IPlanDeliveries, IWaitingDeliveries
{
    private IWorkQueue Queue => store.Queue;

    /// <summary>Queues the assignment card of every resolved assignee of the plan (idempotent: one card per assignment and member).</summary>
    public async Task<PublishResult> PublishAsync(string tenantId, string planId, CancellationToken ct)
    {
        var plan = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false)
            ?? throw new DeliveryException($"Không tìm thấy kế hoạch '{planId}' / Plan '{planId}' not found.");
        var assignments = await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false);
        int queued = 0, already = 0, unresolved = 0;
        foreach (var a in assignments)
        {
            if (string.IsNullOrWhiteSpace(a.MemberAadObjectId)) { unresolved++; continue; }
            var key = DeliveryKeys.Assignment(planId, a.AssignmentId, a.MemberAadObjectId);
            if (a.CardActivityId is not null)
            {
                // Posted before (possibly by the direct publisher): not again.
                already++;
                continue;
            }
            var payload = new DeliveryPayload
            {
                TenantId = tenantId, Kind = DeliveryKinds.Assignment, MemberAadObjectId = a.MemberAadObjectId, PlanId = planId,
                    AssignmentId = a.AssignmentId,
            };
            if (await Queue.EnqueueAsync(tenantId, DeliveryOptions.QueueName, DeliveryKinds.Assignment, key, payload.ToJson(), null, ct)
                .ConfigureAwait(false)) queued++;
            else already++;
        }
        logger.LogInformation("Plan {PlanId} in {TenantId}: {Queued} cards queued, {Already} already queued or sent, " +
            "{Unresolved} assignees without a member",
            planId, tenantId, queued, already, unresolved);
        return new PublishResult(0, already, unresolved, 0, []) { Queued = queued };
    }

    /// <summary>
    /// "Remind them" from the status card: queues a reminder to every assignee who has not acknowledged, at most one per
    /// member and duty per day (Asia/Ho_Chi_Minh).
    /// </summary>
    public async Task<PublishResult> RemindAsync(string tenantId, string planId, CancellationToken ct)
    {
        _ = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false)
            ?? throw new DeliveryException($"Không tìm thấy kế hoạch '{planId}' / Plan '{planId}' not found.");
        var today = new ReminderCalendar().LocalDate(time.GetUtcNow());
        int queued = 0, already = 0, unresolved = 0;
        foreach (var a in await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false))
        {
            if (a.State.Status != AssignmentStatus.Assigned) continue;
            if (string.IsNullOrWhiteSpace(a.MemberAadObjectId)) { unresolved++; continue; }
            if (await EnqueueReminderAsync(a, "manual", today, null, ct).ConfigureAwait(false)) queued++;
            else already++;
        }
        return new PublishResult(0, already, unresolved, 0, []) { Queued = queued };
    }

    /// <summary>Queues one reminder (key: plan, assignment, member, code, due day); false when it was queued before.</summary>
    public Task<bool> EnqueueReminderAsync(AssignmentRecord a, string code, DateOnly dueDay, DateTimeOffset? notBefore, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(a.MemberAadObjectId)) return Task.FromResult(false);
        var payload = new DeliveryPayload
        {
            TenantId = a.TenantId, Kind = DeliveryKinds.Reminder, MemberAadObjectId = a.MemberAadObjectId, PlanId = a.PlanId,
            AssignmentId = a.AssignmentId, Code = code, DueDay = DeliveryKeys.Day(dueDay),
        };
        var key = DeliveryKeys.Reminder(a.PlanId, a.AssignmentId, a.MemberAadObjectId, code, dueDay);
        return Queue.EnqueueAsync(a.TenantId, DeliveryOptions.QueueName, DeliveryKinds.Reminder, key, payload.ToJson(), notBefore, ct);
    }

    /// <summary>Queues the day's digest for a head (key: head, day): one card per head per day whatever the number of items.</summary>
    public Task<bool> EnqueueDigestAsync(string tenantId, string headAadObjectId, DateOnly day, string title, IReadOnlyList<string> lines,
        CancellationToken ct)
    {
        var payload = new DeliveryPayload
        {
            TenantId = tenantId, Kind = DeliveryKinds.Digest, MemberAadObjectId = headAadObjectId, DueDay = DeliveryKeys.Day(day),
            Title = title, Lines = [.. lines],
        };
        return Queue.EnqueueAsync(tenantId, DeliveryOptions.QueueName, DeliveryKinds.Digest, DeliveryKeys.Digest(headAadObjectId, day),
            payload.ToJson(), null, ct);
    }

    /// <summary>Queues a one-off notice card (digest kind) under the caller's idempotency key: false when it was queued before.</summary>
    public Task<bool> EnqueueNoticeAsync(string tenantId, string memberAadObjectId, string key, DateOnly day, string title,
        IReadOnlyList<string> lines, CancellationToken ct)
    {
        var payload = new DeliveryPayload
        {
            TenantId = tenantId, Kind = DeliveryKinds.Digest, MemberAadObjectId = memberAadObjectId, DueDay = DeliveryKeys.Day(day), Title = title,
                Lines = [.. lines],
        };
        return Queue.EnqueueAsync(tenantId, DeliveryOptions.QueueName, DeliveryKinds.Digest, key, payload.ToJson(), null, ct);
    }

    /// <summary>Puts the plan's failed deliveries (not the blocked ones) back in the queue; returns how many.</summary>
    public async Task<int> ResendFailedAsync(string tenantId, string planId, CancellationToken ct)
    {
        var n = await Queue.RequeueFailedAsync(tenantId, DeliveryOptions.QueueName, DeliveryKeys.PlanPrefix(planId), ct).ConfigureAwait(false);
        logger.LogInformation("Resend of plan {PlanId} in {TenantId}: {Count} failed deliveries queued again", planId, tenantId, n);
        return n;
    }

    async Task<IReadOnlyDictionary<string, (int Failed, int Blocked)>> IPlanDeliveries.ProblemsAsync(string tenantId,
        IReadOnlyCollection<string> planIds, CancellationToken ct)
    {
        // One grouped read for all the plans: their items counted per plan prefix and state.
        var prefixes = planIds.ToDictionary(DeliveryKeys.PlanPrefix, p => p, StringComparer.Ordinal);
        var rows = await TallyRowsAsync(tenantId, prefixes.Keys, ct).ConfigureAwait(false);
        var result = new Dictionary<string, (int Failed, int Blocked)>(StringComparer.Ordinal);
        foreach (var plan in rows.GroupBy(r => r.KeyPrefix, StringComparer.Ordinal))
        {
            var counts = (plan.Where(r => r.State == WorkState.Failed).Sum(r => r.Count),
                plan.Where(r => r.State == WorkState.Blocked).Sum(r => r.Count));
            if (counts != (0, 0) && prefixes.TryGetValue(plan.Key, out var planId)) result[planId] = counts;
        }
        return result;
    }

    async Task<ResendResult> IPlanDeliveries.ResendFailedDeliveriesAsync(string tenantId, string planId, bool english, CancellationToken ct) =>
        (await PlanResends.ResendAsync(store, tenantId, [planId], english, logger, ct).ConfigureAwait(false))[planId];

    Task<IReadOnlyDictionary<string, ResendResult>> IPlanDeliveries.ResendFailedDeliveriesAsync(string tenantId, IReadOnlyList<string> planIds,
        bool english, CancellationToken ct) =>
        PlanResends.ResendAsync(store, tenantId, planIds, english, logger, ct);

    /// <summary>Delivery status of a plan (or the whole tenant when <paramref name="planId"/> is null).</summary>
    public async Task<DeliveryReport> GetStatusAsync(string tenantId, string? planId, CancellationToken ct)
    {
        var prefix = planId is null ? null : DeliveryKeys.PlanPrefix(planId);
        var all = await ItemsAsync(tenantId, prefix, ct).ConfigureAwait(false);
        var items = new List<DeliveryStatusItem>();
        foreach (var w in all)
        {
            if (prefix is not null && !w.IdempotencyKey.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var p = DeliveryPayload.TryParse(w.PayloadJson);
            var r = DeliveryResult.TryParse(w.ResultJson);
            var state = DeliveryTallies.StateOf(w.State, r?.Skipped is not null, DeliveryProcessor.IsWaiting(w));
            var reason = w.State == WorkState.Done ? r?.Skipped : w.LastError;
            items.Add(new DeliveryStatusItem(w.IdempotencyKey, w.Kind, p?.PlanId, p?.AssignmentId, p?.MemberAadObjectId, state, w.Attempts,
                reason, r?.ActivityId, r?.PossibleDuplicate ?? false, w.UpdatedAt));
        }
        var counts = items.GroupBy(i => i.State).ToDictionary(g => g.Key, g => g.Count());
        return new DeliveryReport(tenantId, planId, counts, items);
    }

    /// <summary>A one-line summary for the CLI or a card: "sent 120, queued 3, failed 2, blocked 1".</summary>
    public static string Summarize(DeliveryReport r, bool english) =>
        string.Join(", ", new[] { DeliveryStates.Sent, DeliveryStates.Queued, DeliveryStates.Waiting, DeliveryStates.Sending, DeliveryStates.Skipped,
            DeliveryStates.Failed, DeliveryStates.Blocked }
            .Where(s => r.Count(s) > 0)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{(english ? s : Vi(s))} {r.Count(s)}")))
        is { Length: > 0 } text ? text : english ? "nothing queued" : "chưa có tin nào";

    private static string Vi(string state) => state switch
    {
        DeliveryStates.Sent => "đã gửi",
        DeliveryStates.Queued => "đang chờ",
        DeliveryStates.Sending => "đang gửi",
        DeliveryStates.Skipped => "bỏ qua",
        DeliveryStates.Failed => "lỗi",
        DeliveryStates.Waiting => "chờ cài ứng dụng",
        _ => "bị chặn",
    };
}

/// <summary>A delivery request that cannot be carried out (unknown plan, bad arguments); the message is bilingual.</summary>
internal sealed class DeliveryException(string message) : Exception(message);
