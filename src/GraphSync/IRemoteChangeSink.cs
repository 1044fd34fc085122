namespace TeamsPlans.GraphSync;

/// <summary>Implemented by the bot: refresh members' cards after changes made in Planner.</summary>
public interface IRemoteChangeSink
{
    Task OnRemoteChangesAsync(string tenantId, IReadOnlyList<RemoteChange> changes, CancellationToken ct);
}
