using System.Net;
using Microsoft.Extensions.Logging;

namespace TeamsPlans.GraphSync.Graph;

/// <summary>
/// Retries 429/503/504 honouring Retry-After (seconds or HTTP date), else exponential backoff; waits on the TimeProvider.
/// Replaces the SDK's RetryHandler so that waits are observable and testable.
/// </summary>
internal sealed class GraphRetryHandler(TimeProvider time, ILogger logger, int maxRetries = 6) : DelegatingHandler
{
    /// <summary>Every wait performed, for diagnostics and tests.</summary>
    public List<TimeSpan> Waits { get; } = [];

    public static bool IsTransient(HttpStatusCode s) =>
        s is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// The Retry-After a request kept after the in-request retries, for the outbox's next attempt: whole seconds, or null
    /// when the header is absent or not a positive number.
    /// </summary>
    public static TimeSpan? RemainingRetryAfter(string? header) =>
        int.TryParse(header, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var secs) && secs > 0
            ? TimeSpan.FromSeconds(secs) : null;

    public static TimeSpan RetryAfter(string? header, int attempt, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(header))
        {
            if (int.TryParse(header.Trim(), out var secs) && secs >= 0) return TimeSpan.FromSeconds(secs);
            if (DateTimeOffset.TryParse(header, out var at)) return at > now ? at - now : TimeSpan.Zero;
        }
        return TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        byte[]? body = null;
        if (request.Content is not null) body = await request.Content.ReadAsByteArrayAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            var msg = Clone(request, body);
            var resp = await base.SendAsync(msg, ct);
            if (!IsTransient(resp.StatusCode) || attempt >= maxRetries) return resp;
            // 429 means the request was not run. 503/504 may come after the service acted: only a request that can
            // safely run twice is re-sent; a create (POST, or a $batch holding one) is answered to the caller, whose
            // recovery looks the entity up by its client key before creating it again.
            if (resp.StatusCode != HttpStatusCode.TooManyRequests && !SafeToRepeat(request.Method, request.RequestUri, body)) return resp;
            var header = resp.Headers.TryGetValues("Retry-After", out var v) ? v.FirstOrDefault() : null;
            var wait = RetryAfter(header, attempt, time.GetUtcNow());
            logger.LogWarning("Graph {Status} on {Method} {Path}; retrying after {WaitSeconds}s (attempt {Attempt})",
                (int)resp.StatusCode, request.Method, request.RequestUri?.AbsolutePath, wait.TotalSeconds, attempt + 1);
            resp.Dispose();
            lock (Waits) Waits.Add(wait);
            await Task.Delay(wait, time, ct);
        }
    }

    /// <summary>GET/HEAD/PUT/DELETE, PATCH (TeamsPlans' PATCHes carry If-Match or are idempotent field sets), a $batch of those.</summary>
    public static bool SafeToRepeat(HttpMethod method, Uri? uri, byte[]? body)
    {
        if (method != HttpMethod.Post) return true;
        if (uri is null || !uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) || body is null) return false;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("requests", out var reqs)
                && reqs.EnumerateArray().All(r => SafeToRepeat(new HttpMethod(r.GetProperty("method").GetString() ?? "POST"), null, null));
        }
        catch (System.Text.Json.JsonException) { return false; }
    }

    static HttpRequestMessage Clone(HttpRequestMessage r, byte[]? body)
    {
        var c = new HttpRequestMessage(r.Method, r.RequestUri) { Version = r.Version };
        foreach (var h in r.Headers) c.Headers.TryAddWithoutValidation(h.Key, h.Value);
        foreach (var o in r.Options) ((IDictionary<string, object?>)c.Options)[o.Key] = o.Value;
        if (body is not null)
        {
            c.Content = new ByteArrayContent(body);
            foreach (var h in r.Content!.Headers) c.Content.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }
        return c;
    }
}
