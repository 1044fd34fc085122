namespace TeamsPlans.Storage;

/// <summary>A state store wrapper (a decorator) that hands out the history store of the store it wraps.</summary>
internal interface IHistoryStoreSource
{
    IHistoryStore History { get; }
}
