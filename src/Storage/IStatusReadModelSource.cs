namespace TeamsPlans.Storage;

/// <summary>A state store decorator (tests, telemetry) that exposes the read model of the store it wraps.</summary>
internal interface IStatusReadModelSource
{
    IStatusReadModel StatusReads { get; }
}
