using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// What a Teams client accepts as the answer to an "adaptiveCard/action" invoke and as a card's refresh, as documented in
/// "Universal Action Model", section "Response format"
/// (https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model) and msteams-docs "Work with Universal
/// Actions for Adaptive Cards" (refresh: userIds are Teams user MRIs, at most 60). The response table:
/// 200 application/vnd.microsoft.card.adaptive (the card), 200 application/vnd.microsoft.activity.message (a string),
/// 400 application/vnd.microsoft.error (an error object), 401 application/vnd.microsoft.activity.loginRequest (an OAuth card),
/// 401 application/vnd.microsoft.error.incorrectAuthCode (null), 412 application/vnd.microsoft.error.preconditionFailed
/// (an error object; the SSO flow failed), 500 application/vnd.microsoft.error (an error object). Anything else is not
/// a Universal Actions response (the client shows its generic failure instead of the bot's message).
/// </summary>
internal static class UniversalActionsContract
{
    public const int MaxRefreshUsers = 60;

    private static readonly (int Status, string Type)[] Documented =
    [
        (200, "application/vnd.microsoft.card.adaptive"), (200, "application/vnd.microsoft.activity.message"),
        (400, "application/vnd.microsoft.error"), (401, "application/vnd.microsoft.activity.loginRequest"),
        (401, "application/vnd.microsoft.error.incorrectAuthCode"), (412, "application/vnd.microsoft.error.preconditionFailed"),
        (500, "application/vnd.microsoft.error"),
    ];

    /// <summary>Why <paramref name="body"/> is not a documented adaptiveCard/action response, or null when it is.</summary>
    public static string? InvokeViolation(JsonObject body)
    {
        if (body["statusCode"] is not JsonValue s || !s.TryGetValue<int>(out var status)) return "no integer statusCode";
        var type = body["type"] is JsonValue t && t.TryGetValue<string>(out var ty) ? ty : null;
        if (!Documented.Contains((status, type!))) return $"statusCode {status} with type '{type}' is not in the documented table";
        var value = body["value"];
        switch (type)
        {
            case "application/vnd.microsoft.card.adaptive":
                if (value is not JsonObject card || card["type"]?.GetValue<string>() != "AdaptiveCard") return "value is not an Adaptive Card";
                return RefreshViolation(card);
            case "application/vnd.microsoft.activity.message":
                return value is JsonValue v && v.TryGetValue<string>(out _) ? null : "value is not a string";
            case "application/vnd.microsoft.error" or "application/vnd.microsoft.error.preconditionFailed":
                return value is JsonObject e && NonEmpty(e["code"]) && NonEmpty(e["message"]) ? null : "value is not an error { code, message }";
            default:
                return null;
        }
    }

    /// <summary>Why the card's refresh is not what Teams takes, or null: userIds are "29:" MRIs, at most 60, and the
    /// refresh action is an Action.Execute.</summary>
    public static string? RefreshViolation(JsonObject card)
    {
        if (card["refresh"] is not JsonObject refresh) return null;
        if (refresh["action"]?["type"]?.GetValue<string>() != "Action.Execute") return "refresh.action is not an Action.Execute";
        if (refresh["userIds"] is not JsonArray ids) return null;
        if (ids.Count > MaxRefreshUsers) return $"refresh.userIds holds {ids.Count} ids (at most {MaxRefreshUsers})";
        foreach (var id in ids)
        {
            var text = id is JsonValue v && v.TryGetValue<string>(out var x) ? x : null;
            if (text is null || !text.StartsWith("29:", StringComparison.Ordinal)) return $"refresh.userIds holds '{text}', not a Teams user id (29:…)";
        }
        return null;
    }

    private static bool NonEmpty(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s);
}
