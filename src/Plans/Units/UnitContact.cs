namespace TeamsPlans.Plans.Units;

/// <summary>An Entra user standing for a unit: object id when known, else the UPN (sign-in name / e-mail).</summary>
public sealed record UnitContact(string? AadObjectId, string? Upn)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => AadObjectId ?? Upn ?? "";
}
