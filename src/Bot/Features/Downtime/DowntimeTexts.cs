namespace TeamsPlans.Bot.Features.Downtime;

/// <summary>What a member is told on their first message after the bot was down, Vietnamese and English.</summary>
internal sealed class DowntimeTexts
{
    public static readonly DowntimeTexts Vi = new()
    {
        Unavailable = (from, to) => $"⚠ TeamsPlans đã không hoạt động từ {from} đến {to} (giờ Việt Nam). Tin nhắn, tệp hoặc thao tác " +
            "trên thẻ bạn gửi trong thời gian đó không đến được bot: vui lòng gửi lại.",
    };

    public static readonly DowntimeTexts En = new()
    {
        Unavailable = (from, to) => $"⚠ TeamsPlans was unavailable from {from} to {to} (Vietnam time). Messages, files or card " +
            "actions you sent then did not reach the bot: please send them again.",
    };

    /// <summary>The notice, with both times written dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh.</summary>
    public required Func<string, string, string> Unavailable { get; init; }

    public static DowntimeTexts For(CardView view) => TextTable.For(view, Vi, En);
}
