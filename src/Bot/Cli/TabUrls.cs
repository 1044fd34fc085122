using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Cli;

/// <summary>The tab's URLs in a manifest (staticTabs contentUrl / websiteUrl, configurableTabs configurationUrl,
/// webApplicationInfo.resource), with the placeholder host replaced by the bot's host.</summary>
internal static class TabUrls
{
    public static void Rewrite(JsonObject manifest, string from, string to)
    {
        foreach (var tab in (manifest["staticTabs"] as JsonArray ?? []).OfType<JsonObject>())
            foreach (var key in new[] { "contentUrl", "websiteUrl" }) Replace(tab, key, from, to);
        foreach (var tab in (manifest["configurableTabs"] as JsonArray ?? []).OfType<JsonObject>()) Replace(tab, "configurationUrl", from, to);
        if (manifest["webApplicationInfo"] is JsonObject webApp) Replace(webApp, "resource", from, to);
    }

    private static void Replace(JsonObject o, string key, string from, string to)
    {
        if (o[key]?.GetValue<string>() is { } url) o[key] = url.Replace(from, to, StringComparison.OrdinalIgnoreCase);
    }
}
