namespace TeamsPlans.Bot.Features.Comments;

/// <summary>The texts of an assignment's comment thread, Vietnamese and English.</summary>
internal sealed class CommentTexts
{
    public static readonly CommentTexts Vi = new()
    {
        Button = "Trao đổi",
        Label = "Nội dung trao đổi",
        Submit = "Gửi",
        Recent = "Trao đổi gần đây",
        Thread = "Toàn bộ trao đổi",
        Header = "Trao đổi về nhiệm vụ",
        Empty = "Chưa có trao đổi nào.",
        Required = "Hãy nhập nội dung trao đổi.",
        New = who => $"{who} vừa trao đổi về nhiệm vụ",
    };

    public static readonly CommentTexts En = new()
    {
        Button = "Comment",
        Label = "Your comment",
        Submit = "Send",
        Recent = "Recent comments",
        Thread = "All comments",
        Header = "Comments on the assignment",
        Empty = "No comment yet.",
        Required = "Enter a comment.",
        New = who => $"{who} commented on the assignment",
    };

    public required string Button { get; init; }
    public required string Label { get; init; }
    public required string Submit { get; init; }
    public required string Recent { get; init; }
    public required string Thread { get; init; }
    public required string Header { get; init; }
    public required string Empty { get; init; }
    public required string Required { get; init; }
    public required Func<string, string> New { get; init; }

    public static CommentTexts For(CardView view) => TextTable.For(view, Vi, En);
}
