namespace TeamsPlans.Bot.Features.Status;

/// <summary>The texts of the status board's actions, Vietnamese and English.</summary>
internal sealed class StatusTexts
{
    public static readonly StatusTexts Vi = new()
    {
        Reminded = (reached, failed, errors) =>
            $"Đã nhắc {reached} người chưa xác nhận" + (errors is not null ? $"; {failed} lỗi: {errors}" : "."),
    };

    public static readonly StatusTexts En = new()
    {
        Reminded = (reached, failed, errors) =>
            $"Reminded {reached} people who have not acknowledged" + (errors is not null ? $"; {failed} failed: {errors}" : "."),
    };

    /// <summary>"Đã nhắc 3 người chưa xác nhận; 1 lỗi: …": people reached, failures and their first errors (null when none).</summary>
    public required Func<int, int, string?, string> Reminded { get; init; }

    public static StatusTexts For(bool vi) => vi ? Vi : En;
}
