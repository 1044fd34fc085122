namespace TeamsPlans.Bot.Features.Status;

/// <summary>Texts of the status board: "hạn sắp tới", "ai chưa xác nhận" and the reminder's answer, Vietnamese and English.</summary>
internal sealed class StatusTexts
{
    public static readonly StatusTexts Vi = new()
    {
        DeadlinesAll = "Hạn sắp tới của mọi kế hoạch đã gửi",
        DeadlinesMine = "Hạn sắp tới của tôi",
        NoDeadlines = "Không còn hạn nào sắp tới.",
        NotAcknowledgedHeader = "Ai chưa xác nhận",
        NoPublishedPlan = "Chưa có kế hoạch nào được gửi.",
        Reminded = (reached, failed, errors) =>
            $"Đã nhắc {reached} người chưa xác nhận" + (errors is not null ? $"; {failed} lỗi: {errors}" : "."),
    };

    public static readonly StatusTexts En = new()
    {
        DeadlinesAll = "Next deadlines of every published plan",
        DeadlinesMine = "My next deadlines",
        NoDeadlines = "No deadline is coming up.",
        NotAcknowledgedHeader = "Who has not acknowledged",
        NoPublishedPlan = "No plan has been published yet.",
        Reminded = (reached, failed, errors) =>
            $"Reminded {reached} people who have not acknowledged" + (errors is not null ? $"; {failed} failed: {errors}" : "."),
    };

    public static StatusTexts For(CardView view) => TextTable.For(view, Vi, En);

    public static StatusTexts For(bool vi) => vi ? Vi : En;

    public required string DeadlinesAll { get; init; }
    public required string DeadlinesMine { get; init; }
    public required string NoDeadlines { get; init; }
    public required string NotAcknowledgedHeader { get; init; }
    public required string NoPublishedPlan { get; init; }

    /// <summary>"Đã nhắc 3 người chưa xác nhận; 1 lỗi: …": people reached, failures and their first errors (null when none).</summary>
    public required Func<int, int, string?, string> Reminded { get; init; }
}
