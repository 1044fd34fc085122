namespace TeamsPlans.Bot.Protocol;

/// <summary>The bot's logic: receives every authenticated inbound activity from POST /api/messages.</summary>
public interface IActivityHandler
{
    /// <summary>
    /// Handles one activity. For invoke activities the returned <see cref="InvokeResponse"/> becomes the HTTP response
    /// (status + JSON body; null → 200 with empty body). For other types the return value is ignored.
    /// </summary>
    Task<InvokeResponse?> OnActivityAsync(Activity activity, ITurnContext turn, CancellationToken ct);
}
