using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Security;

namespace TeamsPlans.Bot.Downloads;

/// <summary>
/// Downloads a report file a member sent: https only, to a host Teams gives file links from (<see cref="DownloadOptions"/>),
/// never to a loopback / link-local / private / multicast address after name resolution (checked on the connected socket,
/// <see cref="GuardedConnect"/>), redirects followed by hand with every target checked again, at most a size limit read.
/// No bot token or cookie is ever sent. In local mode "Reports:Download:AllowLoopback" lets the tests' loopback file host in.
/// Refusals are <see cref="ReportHandInException"/>s with a Vietnamese and an English message.
/// </summary>
internal sealed class ReportDownloader
{
    public const string HttpClientName = "TeamsPlans.ReportDownload.Guarded";

    private readonly IHttpClientFactory _http;
    private readonly DownloadOptions _options;
    private readonly bool _allowLoopback;
    private readonly ILogger<ReportDownloader> _logger;
    private readonly ServiceUrlPolicy _hosts;

    public ReportDownloader(IHttpClientFactory http, IOptions<DownloadOptions> options, IOptions<BotOptions> bot, ILogger<ReportDownloader> logger)
    {
        _http = http;
        _options = options.Value;
        _allowLoopback = _options.AllowLoopback && bot.Value.IsLocalMode;
        _logger = logger;
        var hosts = _options.AllowedHosts.Count > 0 ? _options.AllowedHosts : [.. DownloadOptions.DefaultHosts];
        _hosts = new ServiceUrlPolicy(hosts, localMode: false);
    }

    /// <summary>True when loopback file hosts are allowed (local mode and Reports:Download:AllowLoopback).</summary>
    public bool AllowsLoopback => _allowLoopback;

    /// <summary>Null when the URL may be fetched (before name resolution), else the reason.</summary>
    public string? Explain(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.UserInfo.Length > 0) return "URL carries user info";
        if (_allowLoopback && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && IPAddress.TryParse(uri.DnsSafeHost, out var ip) && AddressRules.IsLoopback(ip)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps) return "not https";
        return _hosts.Explain(uri.GetLeftPart(UriPartial.Authority) + "/") is null ? null : "host is not a Teams / SharePoint file host";
    }

    public async Task<MemoryStream> DownloadAsync(ReportFile file, long max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = EchoText.Cap(file.Name);
        string MaxText() => (max / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
        if (!Uri.TryCreate(file.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw NotDownloadable(name, "no absolute http(s) URL", file.Url);
        var client = _http.CreateClient(HttpClientName);
        for (var hop = 0; ; hop++)
        {
            if (Explain(uri) is { } why) throw Refused(name, why, uri);
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (Unwrap<DownloadRefusedException>(e) is { } refused)
            {
                throw Refused(name, refused.Reason, uri, e);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                _logger.LogWarning(e, "Download of report file {FileName} from {Host} failed", LogText.Clean(file.Name, 120),
                    LogText.Clean(uri.Host, 120));
                throw new ReportHandInException("notDownloadable", $"Không tải được tệp \"{name}\". Hãy gửi lại tệp.",
                    $"The file \"{name}\" could not be downloaded. Please send it again.", e);
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects) throw Refused(name, "too many redirects", uri);
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                    throw new ReportHandInException("notDownloadable", $"Không tải được tệp \"{name}\" (HTTP {status}). Hãy gửi lại tệp.",
                        $"The file \"{name}\" could not be downloaded (HTTP {status}). Please send it again.");
                if (response.Content.Headers.ContentLength is long len && len > max) throw TooBig(name, MaxText());
                var buffer = new MemoryStream();
                try
                {
                    await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                    var chunk = new byte[81920];
                    int n;
                    while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
                    {
                        if (buffer.Length + n > max) throw TooBig(name, MaxText());
                        buffer.Write(chunk, 0, n);
                    }
                }
                catch
                {
                    await buffer.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
                buffer.Position = 0;
                return buffer;
            }
        }
    }

    private static T? Unwrap<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T t) return t;
        return null;
    }

    private ReportHandInException Refused(string name, string why, Uri uri, Exception? inner = null)
    {
        _logger.LogWarning("Refused to download report file {FileName} from {Host}: {Reason}", name, LogText.Clean(uri.Host, 120), why);
        return new ReportHandInException("notDownloadable",
            $"Không tải được tệp \"{name}\": bot chỉ tải tệp từ SharePoint / OneDrive hoặc dịch vụ tệp của Teams.",
            $"The file \"{name}\" cannot be downloaded: the bot only downloads files from SharePoint / OneDrive or the Teams file service.", inner);
    }

    private ReportHandInException NotDownloadable(string name, string why, string? url)
    {
        _logger.LogWarning("Report file {FileName} has no usable URL ({Reason}): {Url}", name, why, LogText.Clean(url, 120));
        return new ReportHandInException("notDownloadable", $"Không tải được tệp \"{name}\": tệp không có địa chỉ tải xuống hợp lệ.",
            $"The file \"{name}\" cannot be downloaded: it has no valid download address.");
    }

    private static ReportHandInException TooBig(string name, string max) => new("tooBig",
        $"Tệp \"{name}\" quá lớn: tối đa {max}. Hãy nén tệp hoặc gửi liên kết qua nút \"Nộp báo cáo\" trên thẻ nhiệm vụ.",
        $"The file \"{name}\" is too big: at most {max}. Compress it or send a link with \"Hand in report\" on the assignment card.");
}
