namespace TeamsPlans.Bot.Routing;

/// <summary>The answer to a card action: the card that replaces the one clicked, or an error with a Vietnamese / English message.</summary>
internal sealed record CardActionResult(int Status, AdaptiveCard? Card, string Code = "", string Vi = "", string En = "")
{
    public static CardActionResult Ok(AdaptiveCard card) => new(200, card);

    public static CardActionResult Fail(int status, string code, string vi, string en) => new(status, null, code, vi, en);
}
