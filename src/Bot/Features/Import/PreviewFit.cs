namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// Fits a paged card to the activity budget by measuring as few builds as possible: the card grows with the number of
/// items on the page and with the scale, so the largest count that fits at the smallest scale is found by binary search
/// (about log2(n) serializations, not one per count and scale), then the larger scales are tried at that count only.
/// The outcome is the one a linear search from the largest count and scale down would give.
/// </summary>
internal static class PreviewFit
{
    [ThreadStatic] private static int t_measured;

    /// <summary>How many cards the last <see cref="Largest"/> on this thread serialized (the benchmark and tests read it).</summary>
    internal static int LastMeasured => t_measured;

    /// <param name="scales">From the largest (preferred) to the smallest.</param>
    /// <returns>The card of the largest count in [<paramref name="min"/>, <paramref name="max"/>] that fits, at the largest
    /// scale that fits for that count; null when even <paramref name="min"/> items do not fit at the smallest scale.</returns>
    public static AdaptiveCard? Largest(int min, int max, IReadOnlyList<double> scales, Func<int, double, AdaptiveCard> build, int maxBytes)
    {
        t_measured = 0;
        AdaptiveCard? Measure(int count, double scale)
        {
            t_measured++;
            var card = build(count, scale);
            return card.SizeInUtf16Bytes() <= maxBytes ? card : null;
        }
        var smallest = scales[^1];
        AdaptiveCard? best = null;
        var bestCount = -1;
        for (int lo = min, hi = max; lo <= hi;)
        {
            var mid = lo + (hi - lo) / 2;
            if (Measure(mid, smallest) is { } fits) (best, bestCount, lo) = (fits, mid, mid + 1);
            else hi = mid - 1;
        }
        if (best is null) return null;
        foreach (var scale in scales.Take(scales.Count - 1))
            if (Measure(bestCount, scale) is { } larger) return larger;
        return best;
    }
}
