namespace TeamsPlans.Storage;

/// <summary>A page of "hạn sắp tới": the entries in order, and how many open assignments have a next deadline in all.</summary>
public sealed record DeadlinePage(IReadOnlyList<DeadlineEntry> Entries, int Total);
