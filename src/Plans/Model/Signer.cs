namespace TeamsPlans.Plans.Model;

/// <summary>Signer block: Title "PHÓ GIÁM ĐỐC", OnBehalfOf "GIÁM ĐỐC" for "KT. GIÁM ĐỐC".</summary>
public sealed record Signer(string? Title, string? Name, string? OnBehalfOf);
