using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Routing;

/// <summary>The bodies of the invoke responses of "adaptiveCard/action" (Universal Actions).</summary>
internal static class InvokeResponses
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>The documented error answer (400 for a refusal, 500 for a failure; <see cref="UniversalActionResponse"/>) with its
    /// code and a Vietnamese / English message.</summary>
    public static InvokeResponse Error(int status, string code, string vi, string en) => UniversalActionResponse.Error(status, code, $"{vi} / {en}");

    /// <summary>{ statusCode: 200, type: application/vnd.microsoft.card.adaptive, value: card }.</summary>
    public static InvokeResponse Card(AdaptiveCard card) => UniversalActionResponse.Card(card.ToJsonObject());

    public static InvokeResponse Of(CardActionResult result) =>
        result.Card is not null ? Card(result.Card) : Error(result.Status, result.Code, result.Vi, result.En);
}
