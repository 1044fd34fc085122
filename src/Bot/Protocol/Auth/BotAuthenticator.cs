using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsPlans.Bot.Protocol.Auth;

/// <summary>Outcome of inbound authentication: 200 (ok), 401 (no/invalid token) or 403 (valid token, wrong serviceUrl/channel).</summary>
internal sealed record BotAuthResult(int StatusCode, string Reason, ClaimsIdentity? Identity = null, string? Issuer = null, SigningKey? Key = null)
{
    public bool Succeeded => StatusCode == 200;
    public static BotAuthResult Ok(ClaimsIdentity? identity, string reason, string? issuer = null, SigningKey? key = null) =>
        new(200, reason, identity, issuer, key);
    public static BotAuthResult Unauthorized(string reason) => new(401, reason);
    public static BotAuthResult Forbidden(string reason, string? issuer = null) => new(403, reason, null, issuer);
}

/// <summary>
/// Validates the Bearer JWT the Bot Connector service sends to /api/messages (Bot Framework "Authentication with the Bot
/// Connector API", connector → bot): issuer https://api.botframework.com (single-tenant bots also accept the tenant's Entra
/// issuers), audience = the bot's app id, lifetime with 5 minutes clock skew, RS256 signature by a key of the OpenID metadata's
/// JWKS, the key endorsing the activity's channelId, and the "serviceurl" claim equal to the activity's serviceUrl.
/// </summary>
internal sealed class BotAuthenticator
{
    public const string HttpClientName = "BotOpenId";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BotOptions _options;
    private readonly IHttpClientFactory _httpFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<BotAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, OpenIdKeySource> _sources = new(StringComparer.Ordinal);

    private readonly CallerPolicy _callers;

    public BotAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpFactory, TimeProvider time, ILogger<BotAuthenticator> logger,
        CallerPolicy? callers = null)
    {
        _options = options.Value;
        _callers = callers ?? new CallerPolicy([], _options.MicrosoftAppTenantId);
        _httpFactory = httpFactory;
        _time = time;
        _logger = logger;
    }

    public bool IsLocalMode => _options.IsLocalMode;

    /// <summary>The key source behind a metadata URL (shared cache).</summary>
    public OpenIdKeySource SourceFor(string metadataUrl)
        => _sources.GetOrAdd(metadataUrl, url => new OpenIdKeySource(url, () => _httpFactory.CreateClient(HttpClientName), _time, _logger));

    /// <summary>Step 1: the token itself (header format, signature, issuer, audience, lifetime). Activity checks come after parsing.</summary>
    public async Task<BotAuthResult> ValidateTokenAsync(string? authorizationHeader, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader)) return BotAuthResult.Unauthorized("missing Authorization header");
        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return BotAuthResult.Unauthorized("Authorization header is not a Bearer token");
        var raw = authorizationHeader[scheme.Length..].Trim();
        if (raw.Length == 0 || !_handler.CanReadToken(raw)) return BotAuthResult.Unauthorized("malformed bearer token");

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException ex)
        {
            return BotAuthResult.Unauthorized($"malformed bearer token: {TeamsPlans.Bot.Security.LogText.Clean(ex.Message)}");
        }

        var issuer = jwt.Issuer;
        var validIssuers = ValidIssuers();
        if (!validIssuers.Contains(issuer, StringComparer.Ordinal))
            return BotAuthResult.Unauthorized($"issuer '{TeamsPlans.Bot.Security.LogText.Clean(issuer, 120)}' is not trusted");

        var metadataUrl = issuer == BotOptions.BotFrameworkIssuer ? _options.OpenIdMetadataUrl : EntraMetadataUrl();
        var source = SourceFor(metadataUrl);
        if (string.IsNullOrEmpty(jwt.Kid)) return BotAuthResult.Unauthorized("token has no kid");
        SigningKey? key;
        try
        {
            key = await source.GetKeyAsync(jwt.Kid, ct).ConfigureAwait(false);
        }
        catch (SigningKeysUnavailableException ex)
        {
            return new BotAuthResult(503, ex.Message);
        }
        if (key is null) return BotAuthResult.Unauthorized($"signing key '{TeamsPlans.Bot.Security.LogText.Clean(jwt.Kid, 80)}' is not in the " +
            "published keys");

        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = validIssuers,
            ValidateAudience = true,
            ValidAudience = _options.MicrosoftAppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = source.Algorithms.Count > 0 ? source.Algorithms : [SecurityAlgorithms.RsaSha256],
            TryAllIssuerSigningKeys = false,
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            var why = result.Exception switch
            {
                SecurityTokenExpiredException => "token expired",
                SecurityTokenNotYetValidException => "token not yet valid",
                SecurityTokenInvalidLifetimeException => "token lifetime invalid",
                SecurityTokenInvalidAudienceException => "wrong audience",
                SecurityTokenInvalidIssuerException => "wrong issuer",
                SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad signature",
                SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
                _ => result.Exception?.GetType().Name ?? "invalid token",
            };
            return BotAuthResult.Unauthorized(why);
        }

        var identity = result.ClaimsIdentity;
        return BotAuthResult.Ok(identity, "token valid", issuer, key);
    }

    /// <summary>Step 2: the validated token against the parsed activity: channel endorsement (403) and serviceurl claim (403).</summary>
    public BotAuthResult ValidateActivity(BotAuthResult token, Activity activity)
    {
        if (!token.Succeeded || token.Identity is null) return token;
        var key = token.Key;
        var channelId = activity.ChannelId;
        if (_options.RequireEndorsement && key is { HasEndorsements: true })
        {
            if (string.IsNullOrEmpty(channelId) || !key.Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase))
                return BotAuthResult.Forbidden($"signing key does not endorse channel '{channelId}'", token.Issuer);
        }
        else if (_options.RequireEndorsement && token.Issuer == BotOptions.BotFrameworkIssuer)
        {
            return BotAuthResult.Forbidden($"signing key has no endorsements for channel '{channelId}'", token.Issuer);
        }

        // Every issuer: the token names the serviceUrl it was issued for, and it is the activity's (spec: "The token contains a
        // serviceUrl claim whose value matches the serviceUrl property at the root of the activity"). Entra-issued tokens are
        // held to the same rule: without it any holder of a token for the bot's audience could name any reply address.
        var claim = token.Identity.FindFirst("serviceurl")?.Value ?? token.Identity.FindFirst("serviceUrl")?.Value;
        if (claim is null)
            return BotAuthResult.Forbidden("token has no serviceurl claim", token.Issuer);
        if (!string.Equals(claim.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            return BotAuthResult.Forbidden("serviceurl claim does not match the activity's serviceUrl", token.Issuer);

        // Entra-issued tokens: the calling application must be an allowed caller (CallerPolicy).
        if (token.Issuer != BotOptions.BotFrameworkIssuer && _callers.Refusal(token.Identity) is { } refusal)
            return BotAuthResult.Forbidden(refusal, token.Issuer);
        return BotAuthResult.Ok(token.Identity, "authenticated", token.Issuer, key);
    }

    private List<string> ValidIssuers()
    {
        var issuers = new List<string> { BotOptions.BotFrameworkIssuer };
        if ((_options.IsSingleTenant || _options.IsManagedIdentity) && !string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId))
        {
            issuers.Add($"https://sts.windows.net/{_options.MicrosoftAppTenantId}/");
            issuers.Add($"https://login.microsoftonline.com/{_options.MicrosoftAppTenantId}/v2.0");
        }
        return issuers;
    }

    private string EntraMetadataUrl() =>
        _options.EntraOpenIdMetadataUrl.Replace("{tenant}", _options.MicrosoftAppTenantId ?? "common", StringComparison.Ordinal);

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters p)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null) throw new SecurityTokenNoExpirationException("token has no exp");
        if (notBefore is { } nbf && nbf > now + p.ClockSkew)
            throw new SecurityTokenNotYetValidException($"token not valid before {nbf:o}") { NotBefore = nbf };
        if (expires.Value < now - p.ClockSkew)
            throw new SecurityTokenExpiredException($"token expired at {expires:o}") { Expires = expires.Value };
        return true;
    }
}
