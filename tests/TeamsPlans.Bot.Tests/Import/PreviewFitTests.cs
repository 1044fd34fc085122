using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Features.Import;

namespace TeamsPlans.Bot.Tests.Import;

/// <summary>
/// Issue 19: the import preview is fitted to the activity budget by measuring O(log n) cards (binary search on the number
/// of pickers), not by serializing every count at every scale; the card chosen is the one the linear search chose.
/// </summary>
public sealed class PreviewFitTests
{
    private static readonly double[] Scales = [1, 0.6];

    /// <summary>A card of <paramref name="count"/> items, each 200 characters at full scale.</summary>
    private static AdaptiveCard Build(int count, double scale) => new()
    {
        Body = [.. Enumerable.Range(0, count).Select(i => (CardElement)new TextBlock(new string('x', (int)(200 * scale))))],
    };

    /// <summary>What the former loop did: counts from the largest down, full scale first, the first that fits.</summary>
    private static (int Count, double Scale)? Linear(int min, int max, int budget)
    {
        for (var c = max; c >= min; c--)
            foreach (var s in Scales)
                if (Build(c, s).SizeInUtf16Bytes() <= budget) return (c, s);
        return null;
    }

    [Theory]
    [InlineData(2, 8)]
    [InlineData(2, 64)]
    [InlineData(2, 200)]
    public void The_card_chosen_is_the_linear_search_s_and_only_about_log2_n_cards_are_serialized(int min, int max)
    {
        var bound = (int)Math.Ceiling(Math.Log2(max - min + 1)) + 2;
        foreach (var budget in new[] { 200, 600, 1_000, 3_000, 9_000, 30_000, 200_000 })
        {
            var card = PreviewFit.Largest(min, max, Scales, Build, budget);
            var expected = Linear(min, max, budget);
            if (expected is null)
            {
                Assert.Null(card);
                continue;
            }
            Assert.NotNull(card);
            Assert.Equal(Build(expected.Value.Count, expected.Value.Scale).ToJson(), card.ToJson());
            Assert.True(PreviewFit.LastMeasured <= bound, $"{PreviewFit.LastMeasured} cards serialized for {max - min + 1} counts (bound {bound})");
        }
    }
}
