namespace TeamsPlans.Plans.Model;

/// <summary>A cited document in "Căn cứ ..." / "Thực hiện ...": kind ("Kế hoạch", "Quyết định", "Công văn", ...).</summary>
public sealed record LegalBasis(string Kind, string? Number, DateOnly? IssuedOn, string? Issuer, string Text);
