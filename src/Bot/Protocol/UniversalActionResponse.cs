using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Protocol;

/// <summary>
/// The answers of an "adaptiveCard/action" invoke, as documented in "Universal Action Model", Response format
/// (https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model): 200 with the card, 400 or 500
/// <c>application/vnd.microsoft.error</c> with an error object { code, message }, 401 loginRequest and 412
/// <c>application/vnd.microsoft.error.preconditionFailed</c> (both of the SSO flow, which this bot does not use). A refusal
/// the bot words as another HTTP status (403 not yours, 404 not found, 409/410 already done or used up, 413 too big) is a
/// 400 with its own code; 5xx is 500. The HTTP status of the invoke itself is 200: the outcome is in the body.
/// </summary>
internal static class UniversalActionResponse
{
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string CardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The documented status for a refusal or failure the bot describes with <paramref name="status"/>.</summary>
    public static int DocumentedErrorStatus(int status) => status is >= 400 and < 500 ? 400 : 500;

    /// <summary>{ statusCode: 400 | 500, type: application/vnd.microsoft.error, value: { code, message } }.</summary>
    public static InvokeResponse Error(int status, string code, string message) => new(200, new JsonObject
    {
        ["statusCode"] = DocumentedErrorStatus(status),
        ["type"] = ErrorType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });

    /// <summary>{ statusCode: 200, type: application/vnd.microsoft.card.adaptive, value: card }.</summary>
    public static InvokeResponse Card(JsonObject card) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = CardType,
        ["value"] = card,
    });
}
