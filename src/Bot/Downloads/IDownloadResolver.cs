using System.Net;

namespace TeamsPlans.Bot.Downloads;

/// <summary>Name resolution for downloads (DNS by default; tests supply names that resolve to private addresses).</summary>
internal interface IDownloadResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}
