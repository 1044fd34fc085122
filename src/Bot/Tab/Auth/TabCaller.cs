namespace TeamsPlans.Bot.Tab.Auth;

/// <summary>
/// Who calls the tab API: tenant and object id from the validated token (or the local roster), never from the request
/// body or query; roles as the bot resolves them (stored member roles plus what configuration grants).
/// </summary>
public sealed record TabCaller(string TenantId, string AadObjectId, string Name, MemberRoles Roles)
{
    /// <summary>The sign-in name (UPN, else e-mail) from the token or the roster, when known: the unit directory binds heads by it.</summary>
    public string? Upn { get; init; }

    /// <summary>Principals, committee heads and admins see every assignment of their plans; members only their own.</summary>
    public bool CanManage => (Roles & (MemberRoles.Principal | MemberRoles.CommitteeHead | MemberRoles.Admin)) != 0;

    /// <summary>As the bot's plan actions (PlanActionGuard): a manager may open every plan of the tenant; a member a plan
    /// that holds one of their assignments (checked by the API against the store).</summary>
    public bool MayManage(StoredPlan plan) => CanManage && string.Equals(plan.TenantId, TenantId, StringComparison.Ordinal);
}
