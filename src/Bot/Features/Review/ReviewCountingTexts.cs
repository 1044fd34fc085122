namespace TeamsPlans.Bot.Features.Review;

/// <summary>The texts of counting under review (roll-ups, Planner, tab): a report handed in, not accepted yet.</summary>
internal sealed class ReviewCountingTexts
{
    public static readonly ReviewCountingTexts Vi = new() { Pending = "chờ duyệt", Overdue = "quá hạn" };

    public static readonly ReviewCountingTexts En = new() { Pending = "awaiting review", Overdue = "overdue" };

    public required string Pending { get; init; }
    public required string Overdue { get; init; }

    public static ReviewCountingTexts For(CardView view) => TextTable.For(view, Vi, En);
}
