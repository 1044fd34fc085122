using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace TeamsPlans.GraphSync.Graph;

/// <summary>One sub-response of a JSON batch: status, headers, body parsed as JSON (when any).</summary>
internal sealed record BatchResult(int Status, JsonElement? Body, IReadOnlyDictionary<string, string> Headers)
{
    public bool Success => Status is >= 200 and < 300;
    public string? ErrorMessage =>
        Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("error", out var e) && e.TryGetProperty("message", out var m)
            ? m.GetString() : null;
    /// <summary>The Graph error code (error.code), e.g. MaximumBucketsInProject.</summary>
    public string? ErrorCode =>
        Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("error", out var e) && e.TryGetProperty("code", out var c)
            ? c.GetString() : null;
}

/// <summary>
/// Sends many Graph requests as JSON batches of at most 20 (Graph's limit), through the SDK's BatchRequestContent.
/// Per-request 429/503/504 are re-sent in a later batch after the largest Retry-After of the round.
/// Requests are factories because a RequestInformation body stream can be sent only once.
/// </summary>
internal sealed class GraphBatch(GraphServiceClient client, TimeProvider time, ILogger logger, int maxRetries = 6)
{
    public const int MaxPerBatch = 20;
    public List<TimeSpan> Waits { get; } = [];

    public async Task<IReadOnlyList<BatchResult>> SendAsync(IReadOnlyList<Func<RequestInformation>> requests, CancellationToken ct)
    {
        var results = new BatchResult?[requests.Count];
        var pending = Enumerable.Range(0, requests.Count).ToList();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var retry = new List<int>();
            var wait = TimeSpan.Zero;
            foreach (var chunk in pending.Chunk(MaxPerBatch))
            {
                var content = new BatchRequestContentCollection(client, MaxPerBatch);
                var ids = new Dictionary<string, int>();
                var creates = new HashSet<int>();
                foreach (var i in chunk)
                {
                    var id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var ri = requests[i]();
                    if (ri.HttpMethod == Method.POST) creates.Add(i);
                    await content.AddBatchRequestStepAsync(ri, id);
                    ids[id] = i;
                }
                var response = await client.Batch.PostAsync(content, ct);
                foreach (var (id, i) in ids)
                {
                    using var msg = await response.GetResponseByIdAsync(id);
                    if (msg is null) { results[i] = new BatchResult(500, null, new Dictionary<string, string>()); continue; }
                    var headers = msg.Headers.Concat(msg.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                        .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                        .ToDictionary(g => g.Key, g => string.Join(",", g.First().Value), StringComparer.OrdinalIgnoreCase);
                    // A 503/504 on a create may come after it ran: handed back (the caller adopts by client key), not re-sent.
                    if (GraphRetryHandler.IsTransient(msg.StatusCode) && attempt < maxRetries
                        && (msg.StatusCode == HttpStatusCode.TooManyRequests || !creates.Contains(i)))
                    {
                        retry.Add(i);
                        var w = GraphRetryHandler.RetryAfter(headers.GetValueOrDefault("Retry-After"), attempt, time.GetUtcNow());
                        if (w > wait) wait = w;
                        continue;
                    }
                    JsonElement? body = null;
                    if (msg.Content is not null)
                    {
                        var text = await msg.Content.ReadAsStringAsync(ct);
                        if (!string.IsNullOrWhiteSpace(text))
                        {
                            try { body = JsonDocument.Parse(text).RootElement.Clone(); } catch (JsonException) { }
                        }
                    }
                    results[i] = new BatchResult((int)msg.StatusCode, body, headers);
                }
            }
            pending = retry;
            if (pending.Count > 0)
            {
                logger.LogWarning("{Count} batched Graph requests throttled; retrying after {WaitSeconds}s", pending.Count, wait.TotalSeconds);
                lock (Waits) Waits.Add(wait);
                await Task.Delay(wait, time, ct);
            }
        }
        return results.Select(r => r!).ToList();
    }
}
