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
        // Teams sends both installationUpdate and conversationUpdate on install, sometimes at the same moment: greet once per
        // install (the welcome mark is stored once across requests and instances, and removed when the app is removed).
        if (personal && before?.ConversationId != activity.Conversation?.Id && await FirstWelcomeAsync(tenantId, key, ct).ConfigureAwait(false))
        {
            var view = TurnState.ViewOf(activity, member, VietnamTime.Today(time));
            var card = HelpCards.Welcome(member?.DisplayName ?? activity.From?.Name, member?.CanSeeOthers == true, view);
            await turn.SendAsync(card.ToMessage(), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The member removed the app from their personal scope (installationUpdate "remove"): Teams no longer accepts the bot in
    /// that chat, so the stored reference is dropped; the next delivery opens the chat again, or waits for the reinstall.
    /// </summary>
    public async Task OnUninstallAsync(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct)
    {
        var key = MemberDirectory.UserKey(activity.From);
        if (key is null || activity.Conversation?.ConversationType is not (null or "personal")) return;
        var dropped = ReachStoreFactory.For(store) is { } reach && await reach.ForgetConversationAsync(tenantId, key, ct).ConfigureAwait(false);
        if (BotMarkStores.For(store) is { } marks) await marks.RemoveAsync(tenantId, WelcomeKey(key), ct).ConfigureAwait(false);
        logger.LogInformation("{AadObjectId} removed the app in {TenantId}; conversation reference dropped: {Dropped}", key, tenantId, dropped);
    }

    private static string WelcomeKey(string userKey) => "welcome:" + userKey;

    /// <summary>True the first time the welcome of this install is asked for (always true on a store without marks).</summary>
    private async Task<bool> FirstWelcomeAsync(string tenantId, string? key, CancellationToken ct) =>
        key is null || BotMarkStores.For(store) is not { } marks
        || await marks.TryAddAsync(tenantId, WelcomeKey(key), "sent", time.GetUtcNow(), ct).ConfigureAwait(false);

    public async Task OnMembersAddedAsync(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct)
    {
        var botId = activity.Recipient?.Id;
        foreach (var m in activity.MembersAdded ?? [])
            if (m.Id != botId && MemberDirectory.UserKey(m) is not null)
                await directory.UpsertMemberAsync(tenantId, m, null, ct).ConfigureAwait(false);
    }
}
