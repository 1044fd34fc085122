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
        BoardHeader = "Tình hình thực hiện kế hoạch",
        NoPlans = "Chưa có kế hoạch nào được nhập.",
        Total = "Tổng số nhiệm vụ",
        ReportsHandedIn = "Báo cáo đã nộp",
        NextDeadlines = "Hạn sắp tới",
        NotAcknowledged = "Chưa xác nhận",
        EveryoneAcknowledged = "Tất cả đã xác nhận.",
        Remind = "Nhắc nhở",
        DeliveryProblems = "Gửi thẻ lỗi: {0} · Đã chặn bot: {1}",
        ResendFailed = "Gửi lại thẻ lỗi",
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
        BoardHeader = "Plan status",
        NoPlans = "No plan has been imported yet.",
        Total = "Assignments",
        ReportsHandedIn = "Reports handed in",
        NextDeadlines = "Next deadlines",
        NotAcknowledged = "Not acknowledged",
        EveryoneAcknowledged = "Everyone has acknowledged.",
        Remind = "Remind them",
        DeliveryProblems = "Failed cards: {0} · Blocked the bot: {1}",
        ResendFailed = "Resend failed cards",
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
    public required string BoardHeader { get; init; }
    public required string NoPlans { get; init; }
    public required string Total { get; init; }
    public required string ReportsHandedIn { get; init; }
    public required string NextDeadlines { get; init; }
    public required string NotAcknowledged { get; init; }
    public required string EveryoneAcknowledged { get; init; }
    public required string Remind { get; init; }
    public required string DeliveryProblems { get; init; }
    public required string ResendFailed { get; init; }
}
