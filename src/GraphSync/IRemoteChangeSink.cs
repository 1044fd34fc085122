using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

/// <summary>Implemented by the bot: refresh members' cards after changes made in Planner.</summary>
public interface IRemoteChangeSink
{
    Task OnRemoteChangesAsync(string tenantId, IReadOnlyList<RemoteChange> changes, CancellationToken ct);
}
