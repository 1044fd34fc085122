using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Bot.Tab.Review;

/// <summary>
/// The import review of one plan: the document's text (<see cref="FromDocument"/> false when no readable copy was found and
/// the text is only the items' source sentences), the extracted items with their spans in it, the tenant's members to map
/// people to and the unit directory's names to map units to.
/// </summary>
internal sealed record ReviewView(
    string PlanId, string? Number, string Title, string? Issuer, string Status, string Text, bool FromDocument,
    IReadOnlyList<ReviewItem> Items, IReadOnlyList<ReviewMember> Members, IReadOnlyList<string> Units, IReadOnlyList<string> Warnings);
