namespace TeamsPlans.GraphSync;

/// <summary>
/// Unit lists (.xlsx / .csv) dropped into the tenant's unit folder (<see cref="Local.LocalLibraryFolder.UnitFolder"/>),
/// each version read once into the unit directory by the host; called by <see cref="GraphSyncPollingService"/> every round.
/// </summary>
public interface IUnitListDropImporter
{
    /// <summary>Imports the lists new or changed since the last round; returns how many were read.</summary>
    Task<int> ImportNewAsync(string tenantId, CancellationToken ct);
}
