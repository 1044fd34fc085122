using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Graph mode's unit list source: the tenant's unit groups in Entra ID (<see cref="GraphUnitGroups"/>) fill the same unit
/// directory as the .xlsx / .csv lists, through <see cref="UnitGroupSync"/>, once every GraphSync:UnitGroupInterval
/// (default a day: reading a Sở's 2,000 groups costs two requests per group) per tenant, from the polling round.
/// A failed read (no Group.Read.All consent, Graph down) is logged and tried again at the next round.
/// </summary>
/// <param name="units">The unit directory; null when the state store has none (test fakes): nothing is read then.</param>
public sealed class UnitGroupRefresh(GraphUnitGroups groups, IUnitStore? units, IOptions<GraphSyncOptions> options, TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);
    private readonly ILogger logger = loggers.CreateLogger<UnitGroupRefresh>();
    private readonly UnitGroupSync? sync = units is null ? null : new UnitGroupSync(units, time, loggers.CreateLogger<UnitGroupSync>());

    /// <summary>Syncs the tenant's unit groups when the interval has passed since the last good sync; null when not due or failed.</summary>
    public async Task<UnitGroupSyncResult?> RefreshIfDueAsync(string tenantId, CancellationToken ct = default)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        if (sync is null || o.UnitGroupInterval <= TimeSpan.Zero) return null;
        if (_last.TryGetValue(tenantId, out var last) && now - last < o.UnitGroupInterval) return null;
        try
        {
            var read = await groups.ListAsync(o.UnitGroupPrefix, ct).ConfigureAwait(false);
            var result = await sync.SyncAsync(tenantId, read, o.UnitGroupParent, dryRun: false, ct).ConfigureAwait(false);
            _last[tenantId] = now;
            foreach (var p in result.Problems)
                logger.LogWarning("Unit group {Group} ({Code}) for {TenantId}: {Problem}", p.Group, p.Code, tenantId, p.En);
            return result;
        }
        catch (Exception e) when (e is ODataError or HttpRequestException)
        {
            logger.LogWarning(e, "Reading the unit groups of {TenantId} failed; tried again at the next round", tenantId);
            return null;
        }
    }
}
