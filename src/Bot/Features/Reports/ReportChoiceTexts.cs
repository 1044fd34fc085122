namespace TeamsPlans.Bot.Features.Reports;

/// <summary>The card that asks which assignment a file sent in chat is the report for, Vietnamese and English.</summary>
internal sealed class ReportChoiceTexts
{
    public static readonly ReportChoiceTexts Vi = new()
    {
        Title = "Tệp \"{0}\" là báo cáo cho nhiệm vụ nào?",
        Label = "Nhiệm vụ và kỳ hạn",
    };

    public static readonly ReportChoiceTexts En = new()
    {
        Title = "Which assignment is the file \"{0}\" a report for?",
        Label = "Assignment and deadline",
    };

    public required string Title { get; init; }
    public required string Label { get; init; }

    public static ReportChoiceTexts For(CardView view) => TextTable.For(view, Vi, En);
}
