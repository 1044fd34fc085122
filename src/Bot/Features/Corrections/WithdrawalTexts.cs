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
    };

    public static readonly WithdrawalTexts En = new()
    {
        Banner = "Withdrawn by the corrected plan",
        Plan = number => $"Plan {number}",
        Assignee = who => $"Assignee: {who}",
        NoAction = "This assignment is no longer tracked, reminded or counted in the roll-up.",
    };

    public static WithdrawalTexts For(bool vi) => vi ? Vi : En;

    public required string Banner { get; init; }
    public required Func<string, string> Plan { get; init; }
    public required Func<string, string> Assignee { get; init; }
    public required string NoAction { get; init; }
}
