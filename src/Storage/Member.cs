namespace TeamsPlans.Storage;

/// <summary>A person in a tenant (school / office). AadObjectId is the Entra object id.</summary>
public sealed record Member(
    string TenantId, string AadObjectId, string DisplayName, string? Email, string? JobTitle, string? Department,
    MemberRoles Roles, string? Locale)
{
    /// <summary>The card language the member chose in chat: "vi", "en", or null to follow the Teams client's locale.</summary>
    public string? Language { get; init; }

    /// <summary>The locale cards are written in: the chosen language when there is one, else the client's locale.</summary>
    public string? PreferredLocale => Language switch { "vi" => "vi-VN", "en" => "en-US", _ => Locale };

    public bool CanSeeOthers => (Roles & (MemberRoles.Principal | MemberRoles.CommitteeHead | MemberRoles.Admin)) != 0;
}
