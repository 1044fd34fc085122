using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TeamsPlans.Bot.Protocol;

/// <summary>
/// Bot Connector REST API v3 over HttpClient (IHttpClientFactory client named <see cref="HttpClientName"/>).
/// Retries 429/412/502/503/504 up to <see cref="ConnectorClientOptions.MaxRetries"/>, honouring Retry-After, else exponential
/// backoff with jitter. 403 ConversationBlockedByUser / MessageWritesBlocked surfaces as <see cref="ConnectorException"/>.
/// </summary>
public sealed class HttpConnectorClient : IConnectorClient
{
    public const string HttpClientName = "BotConnector";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IBotTokenProvider _tokens;
    private readonly BotOptions _bot;
    private readonly ConnectorClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HttpConnectorClient> _logger;
    private readonly ServiceUrlPolicy? _serviceUrls;

    /// <param name="serviceUrls">When given, no request (and no bot token) goes to a serviceUrl the policy refuses.</param>
    public HttpConnectorClient(IHttpClientFactory httpClientFactory, IBotTokenProvider tokens, IOptions<BotOptions> bot,
        IOptions<ConnectorClientOptions> options, TimeProvider time, ILogger<HttpConnectorClient> logger, ServiceUrlPolicy? serviceUrls = null)
    {
        _serviceUrls = serviceUrls;
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _bot = bot.Value;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct = default)
        => SendActivityAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", activity, ct);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity,
        CancellationToken ct = default)
        => SendActivityAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(replyToId)}", activity, ct);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken ct = default)
    {
        activity.Id ??= activityId;
        return SendActivityAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, ct);
    }

    /// <summary>
    /// Sends a message activity within <see cref="ConnectorClientOptions.MaxActivityBytes"/> (UTF-16, Teams' count): an
    /// activity over it, or one Teams refuses with 413 MessageSizeTooBig, goes as a compact card (<see cref="OversizeMessage"/>).
    /// </summary>
    private async Task<ResourceResponse> SendActivityAsync(HttpMethod method, string serviceUrl, string path, Activity activity, CancellationToken ct)
    {
        var size = OversizeMessage.Utf16Bytes(JsonSerializer.Serialize(activity, BotJson.Options));
        if (size > _options.MaxActivityBytes && !OversizeMessage.IsCompact(activity))
        {
            _logger.LogWarning("Activity of {Utf16Bytes} UTF-16 bytes is over Bot:Connector:MaxActivityBytes {Budget}; sending a compact card", size,
                _options.MaxActivityBytes);
            activity = OversizeMessage.Compact(activity, size);
        }
        try
        {
            return await SendAsync<ResourceResponse>(method, serviceUrl, path, activity, ct).ConfigureAwait(false);
        }
        catch (ConnectorException e) when (e.StatusCode == 413 && !OversizeMessage.IsCompact(activity))
        {
            _logger.LogWarning("Teams refused an activity of {Utf16Bytes} UTF-16 bytes ({ErrorCode}); sending a compact card", size, e.ErrorCode);
            return await SendAsync<ResourceResponse>(method, serviceUrl, path, OversizeMessage.Compact(activity, size), ct).ConfigureAwait(false);
        }
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct = default)
        => SendAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl,
            $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", null, ct);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters,
        CancellationToken ct = default)
        => SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, ct);

    /// <summary>
    /// Teams answers with TeamsChannelAccount objects whose Entra id is named "objectId" (activities use "aadObjectId");
    /// it is copied to <see cref="ChannelAccount.AadObjectId"/> (and stays in Properties with email, userPrincipalName ...).
    /// </summary>
    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId,
        CancellationToken ct = default)
    {
        var members = await SendAsync<List<ChannelAccount>>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Esc(conversationId)}/members", null, ct)
            .ConfigureAwait(false);
        foreach (var m in members)
        {
            if (string.IsNullOrEmpty(m.AadObjectId) && m.Properties?.TryGetValue("objectId", out var oid) == true
                && oid.ValueKind == JsonValueKind.String)
                m.AadObjectId = oid.GetString();
        }
        return members;
    }

    private HttpConnectorClient? _withoutRetries;

    /// <summary>
    /// The same client without retries (for the turn of an invoke: Teams gives an invoke 10–15 s, a retry may wait a minute;
    /// a failed send inside an invoke fails at once and the handler's card is still answered).
    /// </summary>
    internal HttpConnectorClient WithoutRetries() => _options.MaxRetries == 0 ? this : _withoutRetries ??= new HttpConnectorClient(
        _httpClientFactory, _tokens, Options.Create(_bot), Options.Create(new ConnectorClientOptions
        {
            MaxRetries = 0, BaseDelay = _options.BaseDelay, MaxDelay = _options.MaxDelay, MaxActivityBytes = _options.MaxActivityBytes,
        }), _time, _logger, _serviceUrls);

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private async Task<T> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken ct) where T : class, new()
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Invalid serviceUrl '{serviceUrl}'. / serviceUrl không hợp lệ.", nameof(serviceUrl));
        }
        if (_serviceUrls?.Explain(serviceUrl) is { } refused)
        {
            _logger.LogError("Refusing to call serviceUrl {ServiceUrl}: {Reason}", TeamsPlans.Bot.Security.LogText.Clean(serviceUrl), refused);
            throw new ConnectorException(400, "ServiceUrlNotAllowed",
                "The serviceUrl is not a Teams service address (Bot:ServiceUrlHosts); nothing was sent. / " +
                    "serviceUrl không phải địa chỉ dịch vụ Teams; bot không gửi gì.");
        }
        var uri = new Uri(baseUri, path);
        var token = await _tokens.GetTokenAsync(ct).ConfigureAwait(false);
        if (token is not null && baseUri.Scheme != Uri.UriSchemeHttps && !_bot.IsLocalMode)
        {
            _logger.LogError("Refusing to send the bot token to non-HTTPS serviceUrl {ServiceUrl}", serviceUrl);
            throw new ConnectorException(0, "InsecureServiceUrl",
                $"serviceUrl '{serviceUrl}' is not HTTPS; the bot token is never sent there. / " +
                    "serviceUrl không dùng HTTPS nên bot không gửi mã xác thực.");
        }

        var payload = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), BotJson.Options);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (payload is not null) request.Content = new StringContent(payload, Encoding.UTF8, "application/json");

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (attempt < _options.MaxRetries)
            {
                var wait = Backoff(attempt);
                _logger.LogWarning(ex, "Connector {Method} {Uri} failed (attempt {Attempt}); retrying in {DelayMs} ms", method, uri, attempt + 1,
                    (int)wait.TotalMilliseconds);
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new ConnectorException(0, null, $"Connector {method} {uri} failed: {ex.Message}", inner: ex);
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    if (string.IsNullOrWhiteSpace(text)) return new T();
                    try
                    {
                        return JsonSerializer.Deserialize<T>(text, BotJson.Options) ?? new T();
                    }
                    catch (JsonException)
                    {
                        return new T(); // e.g. 200 with a non-JSON body on DELETE
                    }
                }

                var retryAfter = RetryAfter(response);
                var errorCode = ErrorCodeOf(text);
                if (IsRetryable(status) && attempt < _options.MaxRetries)
                {
                    var wait = retryAfter ?? Backoff(attempt);
                    if (wait > _options.MaxDelay) wait = _options.MaxDelay;
                    if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
                    _logger.LogWarning("Connector {Method} {Uri} answered {Status} {ErrorCode} (attempt {Attempt}); retrying in {DelayMs} ms",
                        method, uri, status, errorCode, attempt + 1, (int)wait.TotalMilliseconds);
                    await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                    continue;
                }

                var ex = new ConnectorException(status, errorCode,
                    $"Connector {method} {uri} answered {status} {errorCode}: {Truncate(text, 500)}", retryAfter, text);
                if (ex.IsMessageWritesBlocked)
                    _logger.LogWarning("Connector {Method} {Uri}: member blocked the bot ({ErrorCode}) / thành viên đã chặn bot", method,
                        uri, errorCode);
                else
                    _logger.LogWarning("Connector {Method} {Uri} failed with {Status} {ErrorCode}", method, uri, status, errorCode);
                throw ex;
            }
        }
    }

    private static bool IsRetryable(int status) => status is 429 or 412 or 502 or 503 or 504;

    private TimeSpan Backoff(int attempt)
    {
        var baseMs = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var jitter = Random.Shared.NextDouble() * _options.BaseDelay.TotalMilliseconds;
        var ms = Math.Min(baseMs + jitter, _options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ms);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return delta;
        if (header.Date is { } date)
        {
            var d = date - _time.GetUtcNow();
            return d < TimeSpan.Zero ? TimeSpan.Zero : d;
        }
        return null;
    }

    /// <summary>
    /// The error code of a connector error body. Shapes seen: {"error":{"code":"ConversationBlockedByUser","message":...}} and
    /// {"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",...}"} (message is itself JSON text).
    /// </summary>
    internal static string? ErrorCodeOf(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            var node = JsonNode.Parse(body);
            if (node is JsonObject o)
            {
                if (o["error"] is JsonObject err)
                {
                    var sub = Str(err["innerHttpError"] as JsonObject, "subCode") ?? Str(err, "subCode");
                    var code = Str(err, "code");
                    if (sub is not null && (code is null || code == "BadSyntax" || code == "ServiceError" || code == "Forbidden")) return sub;
                    if (code is not null) return code;
                }
                if (Str(o, "subCode") is { } s) return s;
                if (Str(o, "message") is { } msg && msg.TrimStart().StartsWith('{'))
                {
                    var inner = ErrorCodeOf(msg);
                    if (inner is not null) return inner;
                }
                if (Str(o, "code") is { } c) return c;
                if (o["errorCode"] is JsonValue ev) return ev.ToString();
            }
        }
        catch (JsonException)
        {
        }
        foreach (var known in new[] { "MessageWritesBlocked", "ConversationBlockedByUser" })
            if (body.Contains(known, StringComparison.OrdinalIgnoreCase)) return known;
        return null;
    }

    private static string? Str(JsonObject? o, string name)
        => o?[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrEmpty(s) ? s : null;

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
