using System.Net;
using System.Net.Sockets;

namespace TeamsPlans.Bot.Downloads;

/// <summary>
/// The socket layer of report downloads (SocketsHttpHandler.ConnectCallback): resolves the host itself, refuses when any
/// address of the name is blocked (<see cref="AddressRules"/>; loopback only for a loopback literal, when allowed), connects to the checked address
/// and checks the address actually connected to again. No proxy is used, so the address checked is the address reached.
/// </summary>
internal sealed class GuardedConnect(IDownloadResolver resolver, Func<bool> allowLoopback)
{
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        ConnectCallback = ConnectAsync,
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var isLiteral = IPAddress.TryParse(host.Trim('[', ']'), out var literal);
        var addresses = isLiteral ? [literal!] : await resolver.ResolveAsync(host, ct).ConfigureAwait(false);
        if (addresses.Length == 0) throw new DownloadRefusedException($"{host} does not resolve");
        foreach (var a in addresses)
            if (!Allowed(a, isLiteral)) throw new DownloadRefusedException($"{host} resolves to a non-public address");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            if (socket.RemoteEndPoint is not IPEndPoint connected || !Allowed(connected.Address, isLiteral))
                throw new DownloadRefusedException($"{host} connected to a non-public address");
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // Loopback only for a loopback LITERAL in the URL (the local test file host), never for a name that resolves to loopback.
    private bool Allowed(IPAddress a, bool literal) => !AddressRules.IsBlocked(a) || (literal && AddressRules.IsLoopback(a) && allowLoopback());
}
