namespace TeamsPlans.Bot.Features.Assignments;

/// <summary>The "việc của tôi" card: its header and the empty answer, Vietnamese and English.</summary>
internal sealed class MyTasksTexts
{
    public static readonly MyTasksTexts Vi = new()
    {
        Header = "Việc của tôi",
        None = "Bạn chưa có nhiệm vụ nào.",
    };

    public static readonly MyTasksTexts En = new()
    {
        Header = "My tasks",
        None = "You have no assignments yet.",
    };

    public required string Header { get; init; }
    public required string None { get; init; }

    public static MyTasksTexts For(CardView view) => TextTable.For(view, Vi, En);
}
