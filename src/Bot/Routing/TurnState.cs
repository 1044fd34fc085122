using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Routing;

/// <summary>
/// What the router works out once per turn, before any handler runs: the tenant (from the activity, else
/// Conversation:DefaultTenantId), the member who sent it, and the card language / today's date they see.
/// </summary>
internal sealed record TurnState(Activity Activity, ITurnContext Turn, string TenantId, Member? Member, CardView View)
{
    /// <summary>Principals, committee heads and admins: they see other members' work and manage plans.</summary>
    public bool CanManage => Member?.CanSeeOthers == true;

    /// <summary>The card language is Vietnamese.</summary>
    public bool Vi => TextTable.IsVietnamese(View.S.Lang);

    /// <summary>A personal (one-to-one) chat with the bot.</summary>
    public bool Personal => Activity.Conversation?.ConversationType is null or "personal";

    /// <summary>The member's chosen card language first, then the locale of the client that sent this activity.</summary>
    public static CardView ViewOf(Activity activity, Member? member, DateOnly today) =>
        CardView.For(member?.Language is not null ? member.PreferredLocale
            : !string.IsNullOrWhiteSpace(activity.Locale) ? activity.Locale : member?.Locale, today);
}
