namespace TeamsPlans.Bot.Features.Resend;

/// <summary>The texts of "gửi lại", Vietnamese and English.</summary>
internal sealed class ResendTexts
{
    public static readonly ResendTexts Vi = new()
    {
        PrincipalsOnly = "Chỉ lãnh đạo đơn vị (Ban giám hiệu, trưởng ban, quản trị) được gửi lại thẻ. " + FirstRun.FirstRunTexts.Vi.HowToGetRole,
        NoQueue = "Bot này gửi thẻ trực tiếp, không có hàng đợi để gửi lại.",
        NothingPublished = "Chưa có kế hoạch nào đã gửi.",
        Blocked = n => $"; {n} người đã chặn bot, không gửi lại",
        ResentCount = n => $"gửi lại {n}",
        NoneFailed = "Không có thẻ nào gửi lỗi.",
        ResentTitle = n => $"Đã gửi lại {n} thẻ gửi lỗi.",
        ResentFromStatus = (n, summary) => $"Đã gửi lại {n} thẻ gửi lỗi ({summary}).",
    };

    public static readonly ResendTexts En = new()
    {
        PrincipalsOnly = "Only principals, committee heads and admins can resend cards. " + FirstRun.FirstRunTexts.En.HowToGetRole,
        NoQueue = "This bot sends cards directly; there is no delivery queue to resend from.",
        NothingPublished = "No plan has been published yet.",
        Blocked = n => $"; {n} blocked the bot, not resent",
        ResentCount = n => $"resent {n}",
        NoneFailed = "No failed card to resend.",
        ResentTitle = n => $"Resent {n} failed cards.",
        ResentFromStatus = (n, summary) => $"Resent {n} failed cards ({summary}).",
    };

    public required string PrincipalsOnly { get; init; }
    public required string NoQueue { get; init; }
    public required string NothingPublished { get; init; }
    public required Func<int, string> Blocked { get; init; }
    public required Func<int, string> ResentCount { get; init; }
    public required string NoneFailed { get; init; }
    public required Func<int, string> ResentTitle { get; init; }
    public required Func<int, string, string> ResentFromStatus { get; init; }

    public static ResendTexts For(CardView view) => TextTable.For(view, Vi, En);
}
