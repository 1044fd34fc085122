namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>Texts of an assignment withdrawn by a corrected plan (issue #12), Vietnamese and English.</summary>
internal sealed class WithdrawalTexts
{
    public static readonly WithdrawalTexts Vi = new()
    {
        Banner = "Đã rút/thu hồi theo văn bản điều chỉnh",
        Plan = number => $"Kế hoạch {number}",
        Assignee = who => $"Người thực hiện: {who}",
        NoAction = "Nhiệm vụ này không còn được theo dõi, nhắc hạn hay tính vào báo cáo tổng hợp.",
        Gone = number => $"Nhiệm vụ này đã được rút khỏi kế hoạch{Spaced(number)} theo văn bản điều chỉnh; không cần thao tác gì thêm.",
    };

    public static readonly WithdrawalTexts En = new()
    {
        Banner = "Withdrawn by the corrected plan",
        Plan = number => $"Plan {number}",
        Assignee = who => $"Assignee: {who}",
        NoAction = "This assignment is no longer tracked, reminded or counted in the roll-up.",
        Gone = number => $"This assignment was withdrawn from the plan{Spaced(number)} by the corrected plan; nothing more needs doing.",
    };

    public static WithdrawalTexts For(bool vi) => vi ? Vi : En;

    /// <summary>" 82/KH-THPT BK", or nothing when the plan is not known.</summary>
    private static string Spaced(string? number) => string.IsNullOrWhiteSpace(number) ? "" : " " + number;

    public required string Banner { get; init; }
    public required Func<string, string> Plan { get; init; }
    public required Func<string, string> Assignee { get; init; }
    public required string NoAction { get; init; }
    /// <summary>The answer to a click on (or a question about) a withdrawn assignment, with the plan's number.</summary>
    public required Func<string?, string> Gone { get; init; }
}
