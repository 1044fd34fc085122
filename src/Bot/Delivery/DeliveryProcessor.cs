using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Delivers one claimed "delivery" item: builds the message from the current state, finds or opens the member's 1:1
/// conversation, waits for the shared rate limiter, sends, and commits the outcome to the queue.
/// <para><b>Exactly once, and where it can break.</b> Before the connector call a per-key journal entry "sending" is
/// written (ISyncStateStore scope <see cref="JournalScope"/>); right after the 200 the item is completed with the activity
/// id (<see cref="DeliveryResult"/>) — the durable "sent" record — and only then are the card reference and the journal
/// entry updated. A re-claimed item (lease expired after a crash) whose journal says "sending" may already have been
/// delivered: Teams offers no way for a bot to read its own conversation history, so it is sent again and counted as a
/// possible duplicate (metric, result flag, warning log). That window — the HTTP round trip plus one commit — is the
/// only place a duplicate can arise; a stopping worker does not cancel a send in flight but lets it finish and commit
/// (<see cref="DeliveryOptions.DrainTimeout"/>), leases are renewed while a batch runs, and a definite answer
/// (429, 4xx) clears the journal so a retry is not counted as uncertain.</para>
/// </summary>
internal sealed partial class DeliveryProcessor
{
    public const string JournalScope = "delivery-journal";
    public const string ConnectorServiceKey = "delivery";

    private readonly IStateStore _store;
    private readonly IHistoryStore _history;
    private readonly IConnectorClient _connector;
    private readonly DeliveryRateLimiter _limiter;
    private readonly IAppInstaller _installer;
    private readonly DeliveryMetrics _metrics;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryProcessor> _logger;
    private readonly string _botId;
    private readonly ServiceUrlPolicy? _serviceUrlPolicy;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _serviceUrls = new(StringComparer.Ordinal);

    public DeliveryProcessor(IStateStore store, [FromKeyedServices(ConnectorServiceKey)] IConnectorClient connector, DeliveryRateLimiter limiter,
        IAppInstaller installer, DeliveryMetrics metrics, IOptions<DeliveryOptions> options, IOptions<BotOptions> bot,
        TimeProvider time, ILogger<DeliveryProcessor> logger, IHistoryStore history, ServiceUrlPolicy? serviceUrlPolicy = null,
        IEnumerable<IDeliveryFollowUp>? followUps = null)
    {
        _followUps = (followUps ?? []).ToDictionary(f => f.Kind, StringComparer.Ordinal);
        _history = history;
        _serviceUrlPolicy = serviceUrlPolicy;
        _store = store;
        _connector = connector;
        _limiter = limiter;
        _installer = installer;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _botId = !string.IsNullOrWhiteSpace(_options.BotId) ? _options.BotId!
            : !string.IsNullOrWhiteSpace(bot.Value.MicrosoftAppId) ? "28:" + bot.Value.MicrosoftAppId : "28:teamsplans-local";
    }

    /// <summary>Test hook: runs after the connector's 200 and before the commit (simulates a crash in that window).</summary>
    internal Func<WorkItem, ResourceResponse, Task>? AfterSendBeforeCommit { get; set; }

    private IWorkQueue Queue => _store.Queue;

    public async Task<DeliveryOutcome> ProcessAsync(WorkItem item, string owner, CancellationToken stop)
    {
        using var span = Hosting.TeamsPlansTelemetry.StartDelivery(item.TenantId, item.Kind, item.Attempts);
        var started = Stopwatch.GetTimestamp();
        DeliveryOutcome? outcome = null;
        try
        {
            outcome = await ProcessCoreAsync(item, owner, stop).ConfigureAwait(false);
            return outcome.Value;
        }
        finally
        {
            Hosting.TeamsPlansTelemetry.RecordDelivery(span, item.TenantId, item.Kind, outcome?.ToString() ?? "Error",
                Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<DeliveryOutcome> ProcessCoreAsync(WorkItem item, string owner, CancellationToken stop)
    {
        var payload = DeliveryPayload.TryParse(item.PayloadJson);
        if (payload is null)
            return await FailAsync(item, owner, null, WorkState.Failed, "Dữ liệu gửi không hợp lệ / Invalid payload", "unknown")
                .ConfigureAwait(false);
        var kind = payload.Kind;
        var tenant = item.TenantId;
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["TenantId"] = tenant, ["PlanId"] = payload.PlanId, ["DeliveryKey"] = item.IdempotencyKey, ["Kind"] = kind,
        });
        if (_followUps.TryGetValue(kind, out var followUp)) return await RunFollowUpAsync(item, owner, payload, followUp, stop).ConfigureAwait(false);

        ConversationRef? conv = null;
        var journalWritten = false;
        try
        {
            // 1. What to send, from the current state.
            var today = VietnamTime.Today(_time);
            StoredPlan? plan = null;
            AssignmentRecord? assignment = null;
            if (kind is DeliveryKinds.Assignment or DeliveryKinds.Reminder)
            {
                if (payload.PlanId is null || payload.AssignmentId is null)
                    return await FailAsync(item, owner, payload, WorkState.Failed,
                        "Thiếu kế hoạch hoặc nhiệm vụ / Payload without plan or assignment", kind).ConfigureAwait(false);
                plan = await _store.Plans.GetAsync(tenant, payload.PlanId, stop).ConfigureAwait(false);
                assignment = await _store.Assignments.GetAsync(tenant, payload.AssignmentId, stop).ConfigureAwait(false);
                if (plan is null || assignment is null)
                    return await FailAsync(item, owner, payload, WorkState.Failed,
                        "Kế hoạch hoặc nhiệm vụ không còn / Plan or assignment no longer exists", kind).ConfigureAwait(false);
                if (!string.Equals(assignment.MemberAadObjectId, payload.MemberAadObjectId, StringComparison.OrdinalIgnoreCase))
                    return await SkipAsync(item, owner, "reassigned", kind).ConfigureAwait(false);
                if (plan.Status == PlanStatus.Archived)
                    return await SkipAsync(item, owner, "plan archived", kind).ConfigureAwait(false);
                if (kind == DeliveryKinds.Reminder && assignment.State.Status == AssignmentStatus.Done)
                    return await SkipAsync(item, owner, "done", kind).ConfigureAwait(false);
            }
            else if (kind is not (DeliveryKinds.Digest or DeliveryKinds.Card))
            {
                return await FailAsync(item, owner, payload, WorkState.Failed,
                    $"Loại tin '{kind}' không được hỗ trợ / Unknown delivery kind '{kind}'", kind).ConfigureAwait(false);
            }
            var member = await _store.Members.GetAsync(tenant, payload.MemberAadObjectId, stop).ConfigureAwait(false);
            IReadOnlyList<ReportSubmission> reports = assignment is null ? []
                : await _store.Reports.ListByAssignmentAsync(tenant, assignment.AssignmentId, stop).ConfigureAwait(false);

            // 2. Previous attempt reached the connector with unknown outcome?
            var uncertain = false;
            if (_options.SendJournal)
            {
                var j = await _store.Sync.GetAsync(tenant, JournalScope, item.IdempotencyKey, stop).ConfigureAwait(false);
                uncertain = j is not null;
            }

            // 3. Conversation (open it when missing), rate limit, send; 429 → hold this message for Retry-After, try again here.
            conv = await _store.Conversations.GetAsync(tenant, payload.MemberAadObjectId, stop).ConfigureAwait(false);
            if (conv is { Blocked: true })
                return await FailAsync(item, owner, payload, WorkState.Blocked, conv.BlockedReason ?? "MessageWritesBlocked", kind)
                    .ConfigureAwait(false);

            var reopened = false;
            for (var throttles = 0; ; throttles++)
            {
                try
                {
                    conv ??= await OpenConversationAsync(tenant, payload.MemberAadObjectId, stop).ConfigureAwait(false);
                    var activity = kind switch
                    {
                        DeliveryKinds.Assignment => DeliveryContent.AssignmentCard(plan!, assignment!, member, conv.UserId, today, reports),
                        DeliveryKinds.Reminder => DeliveryContent.Reminder(plan!, assignment!, member, conv.UserId, reports, payload.Code ?? "manual",
                            DateOnly.TryParseExact(payload.DueDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd) ? dd
                                : today, today),
                        DeliveryKinds.Card => DeliveryContent.Prebuilt(payload.CardJson, payload.Title),
                        _ => DeliveryContent.Digest(payload.Title ?? "TeamsPlans", payload.Lines ?? [], member?.PreferredLocale, today),
                    };

                    // The journal is written before the rate limiter's slot, so that no database write (serialized, of
                    // variable length) sits between the slot and the request: the requests leave as evenly as they were paced.
                    if (_options.SendJournal && !journalWritten)
                    {
                        await _store.Sync.PutAsync(new SyncEntry(tenant, JournalScope, item.IdempotencyKey, "sending", owner,
                            null, _time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
                        journalWritten = true;
                    }
                    try
                    {
                        await _limiter.AcquireAsync(tenant, conv.ConversationId, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (journalWritten)
                    {
                        await ClearJournalAsync(item).ConfigureAwait(false); // stopped while waiting: nothing was sent
                        journalWritten = false;
                        throw;
                    }
                    // A long wait (rate limiter, tenant pause, a stalled process) may have outlived the lease, and another
                    // worker may have taken the item over: make sure it is still ours, with a fresh lease, before sending.
                    if (!await EnsureLeaseAsync(item, owner).ConfigureAwait(false))
                    {
                        _logger.LogWarning("Lease of {DeliveryKey} lost before sending; left to its new owner", item.IdempotencyKey);
                        // Nothing was sent by us: take back our own "sending" mark (the journal is written before the slot),
                        // never the new owner's.
                        if (journalWritten && await _store.Sync.GetAsync(tenant, JournalScope, item.IdempotencyKey, CancellationToken.None)
                                .ConfigureAwait(false) is { ETag: var mark } && mark == owner)
                            await ClearJournalAsync(item).ConfigureAwait(false);
                        return DeliveryOutcome.LeaseLost;
                    }

                    var response = await SendAsync(conv, activity, stop).ConfigureAwait(false);
                    if (AfterSendBeforeCommit is { } hook) await hook(item, response).ConfigureAwait(false);

                    // The durable "sent" record, immediately.
                    var result = new DeliveryResult
                    {
                        ActivityId = response.Id, ConversationId = conv.ConversationId, SentAt = _time.GetUtcNow(), PossibleDuplicate = uncertain,
                    };
                    if (!await Queue.CompleteAsync(item.Id, owner, result.ToJson(), CancellationToken.None).ConfigureAwait(false))
                    {
                        _logger.LogWarning("Sent {DeliveryKey} but the lease was lost before the commit; another worker may send it again",
                            item.IdempotencyKey);
                        _metrics.Sent.Add(1, DeliveryMetrics.Tag(kind));
                        return DeliveryOutcome.LeaseLost;
                    }
                    _metrics.Sent.Add(1, DeliveryMetrics.Tag(kind));
                    if (uncertain)
                    {
                        _metrics.PossibleDuplicates.Add(1, DeliveryMetrics.Tag(kind));
                        _logger.LogWarning("Re-sent {DeliveryKey} after an attempt with unknown outcome; the member may see it twice",
                            item.IdempotencyKey);
                    }
                    await AfterCommitAsync(item, payload, assignment, conv, response).ConfigureAwait(false);
                    return DeliveryOutcome.Sent;
                }
                catch (ConnectorException e) when (conv is not null && !reopened && IsLostConversation(e))
                {
                    // Teams no longer has the stored conversation: drop it and open the 1:1 chat again (once per attempt).
                    reopened = true;
                    _logger.LogWarning("Conversation of {AadObjectId} answered {Status} {ErrorCode}; dropping it and opening a new one",
                        payload.MemberAadObjectId, e.StatusCode, e.ErrorCode);
                    conv = null;
                    if (ReachStoreFactory.For(_store) is { } reach) await reach.ForgetConversationAsync(tenant, payload.MemberAadObjectId,
                        CancellationToken.None).ConfigureAwait(false);
                    if (journalWritten)
                    {
                        await ClearJournalAsync(item).ConfigureAwait(false); // a definite "not posted"
                        journalWritten = false;
                    }
                }
                catch (ConnectorException e) when (e.IsThrottled && throttles < _options.MaxThrottleRetries)
                {
                    _metrics.Throttled.Add(1, DeliveryMetrics.Tag(kind));
                    var pause = ThrottlePause(e.RetryAfter, throttles);
                    var tenantPaused = _limiter.Throttled(tenant, _time.GetUtcNow() + pause);
                    if (journalWritten)
                    {
                        await ClearJournalAsync(item).ConfigureAwait(false); // a 429 is a definite "not posted"
                        journalWritten = false;
                    }
                    _logger.LogInformation("Throttled (429) by the connector; holding {DeliveryKey} for {PauseMs} ms (tenant {TenantId} paused: " +
                        "{TenantPaused})",
                        item.IdempotencyKey, (int)pause.TotalMilliseconds, tenant, tenantPaused);
                    await Task.Delay(pause, _time, stop).ConfigureAwait(false); // only this message waits out its Retry-After
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !journalWritten)
        {
            // Stopping before anything was sent: give the item back for the next worker (not an attempt).
            await Queue.DeferAsync(item.Id, owner, _time.GetUtcNow(), "dừng trước khi gửi / worker stopped before sending", CancellationToken.None)
                .ConfigureAwait(false);
            return DeliveryOutcome.Released;
        }
        catch (MemberNotReachableException e)
        {
            return await WaitForMemberAsync(item, owner, payload, e, journalWritten).ConfigureAwait(false);
        }
        catch (ConnectorException e)
        {
            return await HandleConnectorErrorAsync(item, owner, payload, e, journalWritten).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or OperationCanceledException)
        {
            // No answer: the request may or may not have reached Teams (the journal stays "sending").
            return await RetryAsync(item, owner, payload, $"No answer from the connector: {e.GetType().Name} {e.Message}", null)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "Delivery of {DeliveryKey} failed unexpectedly", item.IdempotencyKey);
            if (journalWritten) await ClearJournalAsync(item).ConfigureAwait(false);
            return await RetryAsync(item, owner, payload, $"{e.GetType().Name}: {e.Message}", null).ConfigureAwait(false);
        }
    }
}
