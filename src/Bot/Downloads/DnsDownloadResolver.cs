using System.Net;

namespace TeamsPlans.Bot.Downloads;

internal sealed class DnsDownloadResolver : IDownloadResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
