using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPlans.Plans.Scheduling;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Help;

/// <summary>The welcome card (on install) and the help card.</summary>
internal static class HelpCards
{

    public static AdaptiveCard Welcome(string? userName, bool canManage, CardView v)
        => Fit(scale => BuildWelcome(userName, canManage, v, scale));

    private static AdaptiveCard BuildWelcome(string? userName, bool canManage, CardView v, double scale)
    {
        var s = v.S;
        var t = HelpTexts.For(v);
        var body = new List<CardElement>
        {
            new TextBlock(t.WelcomeTitle + (string.IsNullOrWhiteSpace(userName) ? "" : ", " + Cut(userName, 120, scale))) { Size = "large",
                Weight = "bolder", Style = "heading" },
            new TextBlock(t.WelcomeText),
        };
        if (canManage) body.Add(new TextBlock(t.WelcomePrincipal) { Color = "accent" });
        body.AddRange(CommandLines(t, canManage));
        return new AdaptiveCard { Lang = s.Lang, FallbackText = t.WelcomeTitle, Body = body };
    }

    public static AdaptiveCard Help(string? unknownText, bool canManage, CardView v)
        => Fit(_ => BuildHelp(unknownText, canManage, v));

    private static AdaptiveCard BuildHelp(string? unknownText, bool canManage, CardView v)
    {
        var s = v.S;
        var t = HelpTexts.For(v);
        var body = new List<CardElement> { new TextBlock(t.Title) { Size = "large", Weight = "bolder", Style = "heading" } };
        if (!string.IsNullOrWhiteSpace(unknownText))
            body.Add(new TextBlock(string.Format(CultureInfo.InvariantCulture, t.Unknown, DueFormat.Truncate(unknownText.Trim(), 80))));
        body.AddRange(CommandLines(t, canManage));
        return new AdaptiveCard { Lang = s.Lang, FallbackText = t.Title, Body = body };
    }


    private static IEnumerable<CardElement> CommandLines(HelpTexts t, bool canManage)
    {
        var lines = canManage ? t.Commands.Concat(t.PrincipalCommands) : t.Commands;
        foreach (var l in lines) yield return new TextBlock("• " + l) { Spacing = "small" };
    }
}
