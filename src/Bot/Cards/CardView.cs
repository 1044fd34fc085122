namespace TeamsPlans.Bot.Cards;

/// <summary>Who looks at a card: language and today's date (Asia/Ho_Chi_Minh).</summary>
public sealed record CardView(CardStrings S, DateOnly Today)
{
    public static CardView For(string? locale, DateOnly today) => new(CardStrings.For(locale), today);
}
