namespace TeamsPlans.Bot.Features.Status;

/// <summary>Texts of "hạn sắp tới" and "ai chưa xác nhận" (issue #12), Vietnamese and English.</summary>
internal sealed class StatusTexts
{
    public static readonly StatusTexts Vi = new()
    {
        DeadlinesAll = "Hạn sắp tới của mọi kế hoạch đã gửi",
        DeadlinesMine = "Hạn sắp tới của tôi",
        NoDeadlines = "Không còn hạn nào sắp tới.",
        NotAcknowledgedHeader = "Ai chưa xác nhận",
        NoPublishedPlan = "Chưa có kế hoạch nào được gửi.",
    };

    public static readonly StatusTexts En = new()
    {
        DeadlinesAll = "Next deadlines of every published plan",
        DeadlinesMine = "My next deadlines",
        NoDeadlines = "No deadline is coming up.",
        NotAcknowledgedHeader = "Who has not acknowledged",
        NoPublishedPlan = "No plan has been published yet.",
    };

    public static StatusTexts For(CardView view) => view.S.Lang == "vi" ? Vi : En;

    public required string DeadlinesAll { get; init; }
    public required string DeadlinesMine { get; init; }
    public required string NoDeadlines { get; init; }
    public required string NotAcknowledgedHeader { get; init; }
    public required string NoPublishedPlan { get; init; }
}
