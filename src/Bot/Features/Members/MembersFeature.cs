using TeamsPlans.Bot.Features.Help;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Features.Members;

/// <summary>
/// Installation: the installer and the roster are stored as members (with their conversation references) and a personal
/// chat gets the welcome card once. Members joining later are stored too.
/// </summary>
internal sealed class MembersFeature(IStateStore store, MemberDirectory directory, TimeProvider time, ILogger<MembersFeature> logger)
{
    public async Task OnInstallAsync(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct)
    {
        var key = MemberDirectory.UserKey(activity.From);
        var before = key is null ? null : await store.Conversations.GetAsync(tenantId, key, ct).ConfigureAwait(false);
        var member = await directory.RememberSenderAsync(activity, tenantId, ct).ConfigureAwait(false);
        await directory.ImportRosterAsync(turn, tenantId, ct).ConfigureAwait(false);
        if (key is not null) member = await store.Members.GetAsync(tenantId, key, ct).ConfigureAwait(false) ?? member;
        logger.LogInformation("Installed in {TenantId} conversation {ConversationId} by {AadObjectId}", tenantId, activity.Conversation?.Id, key);

        var personal = activity.Conversation?.ConversationType is null or "personal";
        // Teams sends both installationUpdate and conversationUpdate on install: greet once per personal chat.
        if (personal && before?.ConversationId != activity.Conversation?.Id)
        {
            var view = TurnState.ViewOf(activity, member, VietnamTime.Today(time));
            var card = HelpCards.Welcome(member?.DisplayName ?? activity.From?.Name, member?.CanSeeOthers == true, view);
            await turn.SendAsync(card.ToMessage(), ct).ConfigureAwait(false);
        }
    }

    public async Task OnMembersAddedAsync(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct)
    {
        var botId = activity.Recipient?.Id;
        foreach (var m in activity.MembersAdded ?? [])
            if (m.Id != botId && MemberDirectory.UserKey(m) is not null)
                await directory.UpsertMemberAsync(tenantId, m, null, ct).ConfigureAwait(false);
    }
}
