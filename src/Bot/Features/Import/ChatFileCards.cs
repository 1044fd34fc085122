using System.Text.Json.Nodes;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>The card asking a principal whether a plan-like document sent in chat is a plan to import or a report to hand in.</summary>
internal static class ChatFileCards
{
    /// <summary>Two buttons: "Nhập kế hoạch" (the default: first, positive) and "Nộp báo cáo". The file is kept server-side.</summary>
    public static AdaptiveCard Ask(string fileName, PlanDocument doc, CardView v)
    {
        var t = ChatFileTexts.For(v.S.Lang == "vi");
        var name = DueFormat.Truncate(fileName, 120);
        var question = t.Question(name);
        return new AdaptiveCard
        {
            Lang = v.S.Lang, FallbackText = question,
            Body =
            [
                new TextBlock(question) { Weight = "bolder", Size = "medium" },
                new TextBlock(t.Recognised(DueFormat.Truncate(doc.Number ?? "—", 80), DueFormat.Truncate(doc.Title, 160))) { IsSubtle = true },
            ],
            Actions =
            [
                Execute(t.AsPlan, CardVerbs.FileAsPlan, new JsonObject { ["file"] = name }, style: "positive"),
                Execute(t.AsReport, CardVerbs.FileAsReport, new JsonObject { ["file"] = name }),
            ],
        };
    }
}
