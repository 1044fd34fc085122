using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Bot.Tab.Review;

/// <summary>A deadline as the review shows it: the editable value ("20/05/2023", "20/05 hàng năm", "Quý 2/2023"), the full
/// label with its recurrence, whether a rule guessed it, and its source sentence's span.</summary>
internal sealed record ReviewDeadline(string Value, string Label, bool Guessed, SourceSpan? Span);
