namespace TeamsPlans.Bot.Tab.Api;

/// <summary>One page of a list: the items, the 1-based page, its size and the count of every matching item.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int Size, int Total)
{
    public static Paged<T> Of(IEnumerable<T> all, int page, int size, int maxSize)
    {
        size = Math.Clamp(size <= 0 ? 50 : size, 1, maxSize);
        page = Math.Max(1, page);
        var list = all as IReadOnlyList<T> ?? all.ToList();
        return new Paged<T>(list.Skip((page - 1) * size).Take(size).ToList(), page, size, list.Count);
    }
}
