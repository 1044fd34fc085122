using System.Text.Json.Nodes;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Routing;

/// <summary>The bodies of the invoke responses of "adaptiveCard/action" (Universal Actions).</summary>
internal static class InvokeResponses
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string ErrorContentType = "application/vnd.microsoft.error";

    /// <summary>{ statusCode, type: application/vnd.microsoft.error, value: { code, message } } with a Vietnamese / English message.</summary>
    public static InvokeResponse Error(int status, string code, string vi, string en) => new(200, new JsonObject
    {
        ["statusCode"] = status,
        ["type"] = ErrorContentType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = $"{vi} / {en}" },
    });

    /// <summary>{ statusCode: 200, type: application/vnd.microsoft.card.adaptive, value: card }.</summary>
    public static InvokeResponse Card(AdaptiveCard card) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = AdaptiveCard.ContentType,
        ["value"] = card.ToJsonObject(),
    });

    public static InvokeResponse Of(CardActionResult result) =>
        result.Card is not null ? Card(result.Card) : Error(result.Status, result.Code, result.Vi, result.En);
}
