using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;
using TeamsPlans.Bot.Features.Assignments;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Sends assignment cards right away through the Bot Connector, using each member's stored personal-chat reference
/// (creating the 1:1 conversation when there is none yet), and records where each card was posted (CardActivityId).
/// Idempotent: assignments with a posted card are skipped. Blocked users (403 from the connector) are marked blocked.
/// </summary>
internal sealed class DirectAssignmentPublisher(IStateStore store, IConnectorClient connector, AssignmentCardFactory cards, TimeProvider time,
    ILogger<DirectAssignmentPublisher> logger, ServiceUrlPolicy? serviceUrlPolicy = null) : IAssignmentPublisher, IPlanReminderSender
{
    public async Task<PublishResult> PublishAsync(string tenantId, string planId, CancellationToken ct)
        => await SendAsync(tenantId, planId, reminder: false, ct).ConfigureAwait(false);

    public async Task<PublishResult> RemindAsync(string tenantId, string planId, CancellationToken ct)
        => await SendAsync(tenantId, planId, reminder: true, ct).ConfigureAwait(false);

    private async Task<PublishResult> SendAsync(string tenantId, string planId, bool reminder, CancellationToken ct)
    {
        var plan = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (plan is null) return new PublishResult(0, 0, 0, 1, [$"Không tìm thấy kế hoạch / plan not found: {planId}"]);
        var list = await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false);
        int sent = 0, already = 0, unresolved = 0, failed = 0;
        var errors = new List<string>();
        foreach (var a in list.OrderBy(a => a.Ordinal))
        {
            if (a.MemberAadObjectId is null) { unresolved++; continue; }
            if (reminder ? a.State.Status != Plans.Model.AssignmentStatus.Assigned : a.CardActivityId is not null) { already++; continue; }
            try
            {
                await SendCardAsync(plan, a, reminder, ct).ConfigureAwait(false);
                sent++;
            }
            catch (PublishException e)
            {
                failed++;
                errors.Add(e.Message);
            }
        }
        logger.LogInformation("{Kind} plan {PlanId} of {TenantId}: {Sent} sent, {Already} skipped, {Unresolved} unresolved, {Failed} failed",
            reminder ? "Reminded" : "Published", planId, tenantId, sent, already, unresolved, failed);
        return new PublishResult(sent, already, unresolved, failed, errors);
    }

    private async Task SendCardAsync(StoredPlan plan, AssignmentRecord a, bool reminder, CancellationToken ct)
    {
        var tenantId = plan.TenantId;
        var memberId = a.MemberAadObjectId!;
        var member = await store.Members.GetAsync(tenantId, memberId, ct).ConfigureAwait(false);
        var reference = await store.Conversations.GetAsync(tenantId, memberId, ct).ConfigureAwait(false);
        if (reference is { Blocked: true })
            throw new PublishException($"{member?.DisplayName ?? memberId}: đã chặn bot / has blocked the bot ({reference.BlockedReason})");
        reference ??= await CreateConversationAsync(tenantId, memberId, ct).ConfigureAwait(false);

        var (card, view) = await cards.ForAssigneeAsync(plan, a, member, reference.UserId, ct).ConfigureAwait(false);
        var activity = card.ToMessage(text: reminder ? CardTexts.For(view.S).Reminder : null);
        try
        {
            var res = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, activity, ct).ConfigureAwait(false);
            if (res.Id is { Length: > 0 } id)
                await store.Assignments.SetCardAsync(tenantId, a.AssignmentId, id, reference.ConversationId, ct).ConfigureAwait(false);
            logger.LogInformation("Sent card of {AssignmentId} ({PlanId}) to {AadObjectId} in {TenantId}: {ActivityId}",
                a.AssignmentId, a.PlanId, memberId, tenantId, res.Id);
        }
        catch (ConnectorException e)
        {
            if (e.IsMessageWritesBlocked || e.StatusCode == 403)
                await store.Conversations.MarkBlockedAsync(tenantId, memberId, e.ErrorCode ?? "Forbidden", ct).ConfigureAwait(false);
            logger.LogWarning(e, "Card of {AssignmentId} to {AadObjectId} in {TenantId} failed ({Status})", a.AssignmentId, memberId, tenantId,
                e.StatusCode);
            throw new PublishException($"{member?.DisplayName ?? memberId}: gửi thất bại / send failed ({e.StatusCode})", e);
        }
    }

    /// <summary>Opens a 1:1 chat with a member the bot has not talked to, with the service URL and bot id of the tenant's known chats.</summary>
    private async Task<ConversationRef> CreateConversationAsync(string tenantId, string memberId, CancellationToken ct)
    {
        var known = (await store.Conversations.ListAsync(tenantId, ct).ConfigureAwait(false))
            .Where(r => !string.IsNullOrEmpty(r.ServiceUrl) && !string.IsNullOrEmpty(r.BotId) && serviceUrlPolicy?.Allows(r.ServiceUrl) != false)
                .OrderByDescending(r => r.UpdatedAt).FirstOrDefault()
            ?? throw new PublishException($"{memberId}: chưa có cuộc trò chuyện nào với bot trong đơn vị / " +
                "no conversation with the bot in this tenant yet");
        try
        {
            var res = await connector.CreateConversationAsync(known.ServiceUrl, new ConversationParameters
            {
                IsGroup = false,
                Bot = new ChannelAccount { Id = known.BotId },
                Members = [new ChannelAccount { Id = memberId, AadObjectId = memberId }],
                TenantId = tenantId,
                ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
            }, ct).ConfigureAwait(false);
            if (res.Id is not { Length: > 0 } conv) throw new PublishException($"{memberId}: không tạo được cuộc trò chuyện / " +
                "no conversation id returned");
            var reference = new ConversationRef(tenantId, memberId, memberId, conv, res.ServiceUrl ?? known.ServiceUrl, known.BotId, known.ChannelId,
                time.GetUtcNow());
            await store.Conversations.UpsertAsync(reference, ct).ConfigureAwait(false);
            return reference;
        }
        catch (ConnectorException e)
        {
            throw new PublishException($"{memberId}: không tạo được cuộc trò chuyện / could not create the conversation ({e.StatusCode})", e);
        }
    }
}

internal sealed class PublishException(string message, Exception? inner = null) : Exception(message, inner);
