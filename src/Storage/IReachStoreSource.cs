namespace TeamsPlans.Storage;

/// <summary>A state store wrapper (a decorator) that hands out the reach store of the store it wraps.</summary>
internal interface IReachStoreSource
{
    IReachStore Reach { get; }
}
