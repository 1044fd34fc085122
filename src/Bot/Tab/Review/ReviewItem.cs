using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Bot.Tab.Review;

/// <summary>One extracted assignment as the reviewer edits it: assignee parts, mapped member, duty, deadlines, and where
/// its source sentence sits in the review's text (null when it was added by hand or the sentence is not found).</summary>
internal sealed record ReviewItem(
    string AssignmentId, int Ordinal, string? Name, string? Title, string? Unit, string Display, string? Member, string? MemberName,
    string Duty, IReadOnlyList<ReviewDeadline> Deadlines, bool Guessed, SourceSpan? Span);
