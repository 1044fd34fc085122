using System.Text.Json;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Keeps members and conversation references: who the bot has met (per tenant) with their roles, and how to reach each
/// one in a personal chat. Called on installation and on every incoming activity.
/// </summary>
internal sealed class MemberDirectory(IStateStore store, ConversationOptions options, TimeProvider time, ILogger<MemberDirectory> logger,
    TeamsPlans.Bot.Security.RoleBindings? roleBindings = null, IWaitingDeliveries? waiting = null)
{
    /// <summary>The key of a user: the Entra object id, or the channel user id when the channel gives none (local tools).</summary>
    public static string? UserKey(ChannelAccount? a) =>
        !string.IsNullOrWhiteSpace(a?.AadObjectId) ? a!.AadObjectId : !string.IsNullOrWhiteSpace(a?.Id) ? a!.Id : null;

    /// <summary>Stores the sender as a member (roles per configuration) and, in a personal chat, their conversation reference.</summary>
    public async Task<Member?> RememberSenderAsync(Activity activity, string tenantId, CancellationToken ct)
    {
        var from = activity.From;
        var key = UserKey(from);
        if (key is null) return null;
        var member = await UpsertMemberAsync(tenantId, from!, activity.Locale, ct).ConfigureAwait(false);
        await StoreReferenceAsync(activity, tenantId, key, from!, ct).ConfigureAwait(false);
        return member;
    }

    public async Task StoreReferenceAsync(Activity activity, string tenantId, string key, ChannelAccount user, CancellationToken ct)
    {
        var type = activity.Conversation?.ConversationType;
        var personal = string.IsNullOrEmpty(type) || string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase);
        if (!personal || activity.Conversation?.Id is not { Length: > 0 } conv || activity.ServiceUrl is not { Length: > 0 } url || user.Id is null)
            return;
        var existing = await store.Conversations.GetAsync(tenantId, key, ct).ConfigureAwait(false);
        var reference = new ConversationRef(tenantId, key, user.Id, conv, url, activity.Recipient?.Id ?? existing?.BotId ?? "",
            activity.ChannelId ?? "msteams", time.GetUtcNow());
        if (existing is not null && existing with { UpdatedAt = reference.UpdatedAt } == reference) return;
        await store.Conversations.UpsertAsync(reference, ct).ConfigureAwait(false);
        logger.LogInformation("Stored conversation reference of {AadObjectId} in {TenantId} ({ConversationId})", key, tenantId, conv);
        // The member installed or opened the bot: what waited for them goes now.
        if (waiting is not null) await waiting.MemberReachableAsync(tenantId, key, ct).ConfigureAwait(false);
    }

    /// <summary>Inserts or refreshes a member; stored roles are kept and configured roles added.</summary>
    public async Task<Member> UpsertMemberAsync(string tenantId, ChannelAccount account, string? locale, CancellationToken ct)
    {
        var key = UserKey(account) ?? throw new ArgumentException("Account without id.", nameof(account));
        var existing = await store.Members.GetAsync(tenantId, key, ct).ConfigureAwait(false);
        var email = Prop(account, "email") ?? existing?.Email;
        var upn = Prop(account, "userPrincipalName");
        var name = !string.IsNullOrWhiteSpace(account.Name) ? account.Name! : existing?.DisplayName ?? key;
        var jobTitle = Prop(account, "jobTitle") ?? existing?.JobTitle;
        var roles = roleBindings is not null
            ? await roleBindings.ResolveAsync(store, tenantId, key, existing?.Roles, upn, email, name, ct).ConfigureAwait(false)
            : (existing?.Roles ?? MemberRoles.Member) | MemberRoles.Member | options.ConfiguredRoles(key, email, upn ?? email, name);
        if (options.FirstMemberIsPrincipal && (roles & MemberRoles.Principal) == 0)
        {
            var all = await store.Members.ListAsync(tenantId, ct).ConfigureAwait(false);
            if (!all.Any(m => (m.Roles & MemberRoles.Principal) != 0))
            {
                roles |= MemberRoles.Principal | MemberRoles.Admin;
                logger.LogInformation("First member {AadObjectId} of {TenantId} made Principal (Roles:FirstMemberIsPrincipal)", key, tenantId);
            }
        }
        var member = new Member(tenantId, key, name, email ?? upn, jobTitle, existing?.Department, roles,
            !string.IsNullOrWhiteSpace(locale) ? locale : existing?.Locale)
        {
            // Met for the first time: Bot:DefaultLanguage until the member chooses; a choice is kept (IMemberStore keeps it).
            Language = existing is null ? options.DefaultLanguage : existing.Language,
        };
        if (member != existing) await store.Members.UpsertAsync(member, ct).ConfigureAwait(false);
        return member;
    }

    /// <summary>Stores the card language a member chose ("vi", "en", or null to follow the Teams client again).</summary>
    public async Task<Member> SetLanguageAsync(Member member, string? language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var updated = member with { Language = language };
        if (!await store.Members.SetLanguageAsync(member.TenantId, member.AadObjectId, language, ct).ConfigureAwait(false))
        {
            // Not stored yet (cannot happen after RememberSenderAsync, but keep the choice rather than lose it).
            await store.Members.UpsertAsync(updated, ct).ConfigureAwait(false);
        }
        logger.LogInformation("Member {AadObjectId} of {TenantId} chose card language {Language}", member.AadObjectId, member.TenantId,
            language ?? "auto");
        return updated;
    }

    /// <summary>Stores everyone in the conversation's roster (Teams gives aadObjectId, name, e-mail); failures are logged.</summary>
    public async Task<int> ImportRosterAsync(ITurnContext turn, string tenantId, CancellationToken ct)
    {
        try
        {
            var roster = await turn.Connector.GetConversationMembersAsync(turn.ServiceUrl, turn.ConversationId, ct).ConfigureAwait(false);
            var n = 0;
            foreach (var m in roster)
            {
                if (UserKey(m) is null || m.Id == turn.Activity.Recipient?.Id) continue;
                await UpsertMemberAsync(tenantId, m, null, ct).ConfigureAwait(false);
                n++;
            }
            logger.LogInformation("Stored {Count} roster members of {ConversationId} in {TenantId}", n, turn.ConversationId, tenantId);
            return n;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or TaskCanceledException or JsonException)
        {
            logger.LogWarning(e, "Roster of {ConversationId} in {TenantId} could not be read", turn.ConversationId, tenantId);
            return 0;
        }
    }

    private static string? Prop(ChannelAccount a, string name)
    {
        if (a.Properties is null) return null;
        foreach (var (k, v) in a.Properties)
            if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase) && v.ValueKind == JsonValueKind.String
                && v.GetString() is { Length: > 0 } s)
                return s;
        return null;
    }
}
