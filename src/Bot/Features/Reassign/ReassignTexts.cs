namespace TeamsPlans.Bot.Features.Reassign;

/// <summary>The texts of reassignment and delegation, Vietnamese and English.</summary>
internal sealed class ReassignTexts
{
    public static readonly ReassignTexts Vi = new()
    {
        Button = "Chuyển giao",
        To = "Người nhận",
        Note = "Ghi chú",
        Submit = "Chuyển giao",
        Choose = "Hãy chọn người nhận nhiệm vụ.",
        Unknown = "Người nhận không có trong danh sách thành viên.",
        Same = "Người nhận đang giữ nhiệm vụ này.",
        NowHeldBy = who => $"Nhiệm vụ này đã chuyển cho {who}.",
        Passed = (from, to) => $"{from} → {to}",
    };

    public static readonly ReassignTexts En = new()
    {
        Button = "Hand over",
        To = "New holder",
        Note = "Note",
        Submit = "Hand over",
        Choose = "Choose who takes the assignment over.",
        Unknown = "The new holder is not a member.",
        Same = "That member already holds the assignment.",
        NowHeldBy = who => $"This assignment is now held by {who}.",
        Passed = (from, to) => $"{from} → {to}",
    };

    public required string Button { get; init; }
    public required string To { get; init; }
    public required string Note { get; init; }
    public required string Submit { get; init; }
    public required string Choose { get; init; }
    public required string Unknown { get; init; }
    public required string Same { get; init; }
    public required Func<string, string> NowHeldBy { get; init; }
    public required Func<string, string, string> Passed { get; init; }

    public static ReassignTexts For(CardView view) => TextTable.For(view, Vi, En);
}
