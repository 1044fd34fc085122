using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace TeamsPlans.Bot.Protocol.Auth;

/// <summary>A signing key from a JWKS document, with the Bot Framework "endorsements" (channel ids the key may sign for).</summary>
internal sealed record SigningKey(string KeyId, JsonWebKey Key, IReadOnlyList<string> Endorsements, bool HasEndorsements);

/// <summary>
/// OpenID metadata → jwks_uri → keys, cached for <see cref="CacheDuration"/> (24 h) and refreshed early when a token names an
/// unknown kid, but at most once per <see cref="MinRefreshInterval"/> (5 min) so a stream of bad tokens cannot hammer the endpoint.
/// </summary>
internal sealed class OpenIdKeySource
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly string _metadataUrl;
    private readonly Func<HttpClient> _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Dictionary<string, SigningKey> _keys = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _algorithms = [];
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    private bool _loaded;

    public OpenIdKeySource(string metadataUrl, Func<HttpClient> http, TimeProvider time, ILogger logger)
    {
        _metadataUrl = metadataUrl;
        _http = http;
        _time = time;
        _logger = logger;
    }

    public string MetadataUrl => _metadataUrl;
    /// <summary>How many times the metadata + JWKS were fetched (for diagnostics and tests).</summary>
    public int FetchCount { get; private set; }
    /// <summary>id_token_signing_alg_values_supported of the metadata (empty = not stated).</summary>
    public IReadOnlyList<string> Algorithms => _algorithms;

    /// <summary>The key with <paramref name="kid"/>, refreshing when stale or (rate-limited) when the kid is unknown; null if absent.</summary>
    public async Task<SigningKey?> GetKeyAsync(string kid, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (!_loaded || now - _loadedAt >= CacheDuration)
        {
            await RefreshAsync(force: !_loaded, ct).ConfigureAwait(false);
        }
        if (_keys.TryGetValue(kid, out var key)) return key;

        if (_time.GetUtcNow() - _lastAttempt >= MinRefreshInterval)
        {
            _logger.LogInformation("Unknown signing key {Kid}; refreshing keys from {MetadataUrl}", kid, _metadataUrl);
            await RefreshAsync(force: false, ct).ConfigureAwait(false);
            if (_keys.TryGetValue(kid, out key)) return key;
        }
        return null;
    }

    private async Task RefreshAsync(bool force, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            // Another caller refreshed while we waited.
            if (!force && _loaded && now - _lastAttempt < MinRefreshInterval) return;
            _lastAttempt = now;
            var http = _http();
            FetchCount++;
            var metadata = JsonNode.Parse(await http.GetStringAsync(_metadataUrl, ct).ConfigureAwait(false)) as JsonObject
                ?? throw new InvalidOperationException($"OpenID metadata at {_metadataUrl} is not a JSON object");
            var jwksUri = metadata["jwks_uri"]?.GetValue<string>()
                ?? throw new InvalidOperationException($"OpenID metadata at {_metadataUrl} has no jwks_uri");
            var algs = (metadata["id_token_signing_alg_values_supported"] as JsonArray)?
                .Select(a => a?.GetValue<string>()).OfType<string>().ToList() ?? [];
            var jwks = JsonNode.Parse(await http.GetStringAsync(jwksUri, ct).ConfigureAwait(false)) as JsonObject
                ?? throw new InvalidOperationException($"JWKS at {jwksUri} is not a JSON object");
            var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
            foreach (var k in (jwks["keys"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var kid = k["kid"]?.GetValue<string>();
                if (string.IsNullOrEmpty(kid)) continue;
                var endorsementsNode = k["endorsements"] as JsonArray;
                var endorsements = endorsementsNode?.Select(e => e?.GetValue<string>()).OfType<string>().ToList() ?? [];
                var jwk = JsonWebKey.Create(k.ToJsonString());
                keys[kid] = new SigningKey(kid, jwk, endorsements, endorsementsNode is not null);
            }
            _keys = keys;
            _algorithms = algs;
            _loaded = true;
            _loadedAt = now;
            _logger.LogInformation("Loaded {KeyCount} signing keys from {JwksUri}", keys.Count, jwksUri);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            _logger.LogError(ex, "Could not load signing keys from {MetadataUrl}", _metadataUrl);
            if (!_loaded) throw new SigningKeysUnavailableException(_metadataUrl, ex);
        }
        finally
        {
            _lock.Release();
        }
    }
}

internal sealed class SigningKeysUnavailableException(string url, Exception inner)
    : Exception($"Signing keys could not be loaded from {url}", inner);
