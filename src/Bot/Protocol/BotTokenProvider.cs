using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Abstractions;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using Microsoft.Identity.Web;

namespace TeamsPlans.Bot.Protocol;

/// <summary>Access tokens for calls from the bot to the Bot Connector service (scope https://api.botframework.com/.default).</summary>
public interface IBotTokenProvider
{
    /// <summary>A bearer token, or null in local mode (no app id configured: no Authorization header is sent).</summary>
    Task<string?> GetTokenAsync(CancellationToken ct = default);
}

/// <summary>
/// MSAL client-credentials flow (secret or certificate; authority = bot tenant for SingleTenant, botframework.com for MultiTenant),
/// or a user-assigned managed identity (Azure.Identity) for UserAssignedMSI. MSAL / Azure.Identity cache the token until near expiry.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly BotOptions _options;
    private readonly ILogger<MsalBotTokenProvider> _logger;
    private readonly Lazy<Task<Func<CancellationToken, Task<string>>>> _acquire;

    public MsalBotTokenProvider(IOptions<BotOptions> options, ILogger<MsalBotTokenProvider> logger)
    {
        _options = options.Value;
        _logger = logger;
        _acquire = new Lazy<Task<Func<CancellationToken, Task<string>>>>(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task<string?> GetTokenAsync(CancellationToken ct = default)
    {
        if (_options.IsLocalMode) return null;
        var acquire = await _acquire.Value.ConfigureAwait(false);
        return await acquire(ct).ConfigureAwait(false);
    }

    private async Task<Func<CancellationToken, Task<string>>> CreateAsync()
    {
        if (_options.IsManagedIdentity)
        {
            // MSAL's managed identity client (the engine under Azure.Identity's ManagedIdentityCredential; Azure.Core 1.64 and
            // Azure.Identity 1.17 both define that type here, so the MSAL entry point is used directly). Resource, not scope.
            var mi = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId!)).Build();
            _logger.LogInformation("Bot tokens from user-assigned managed identity {ClientId}", _options.MicrosoftAppId);
            return async ct =>
                (await mi.AcquireTokenForManagedIdentity(BotOptions.BotFrameworkIssuer).ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
        }

        var builder = ConfidentialClientApplicationBuilder.Create(_options.MicrosoftAppId).WithAuthority(_options.Authority);
        var certificate = await LoadCertificateAsync().ConfigureAwait(false);
        if (certificate is not null)
        {
            builder = builder.WithCertificate(certificate, sendX5C: true);
        }
        else if (!string.IsNullOrEmpty(_options.MicrosoftAppPassword))
        {
            builder = builder.WithClientSecret(_options.MicrosoftAppPassword);
        }
        else
        {
            throw new InvalidOperationException(
                "Bot:MicrosoftAppId is set but neither Bot:MicrosoftAppPassword nor a certificate is configured. / " +
                "Đã cấu hình Bot:MicrosoftAppId nhưng thiếu mật khẩu ứng dụng hoặc chứng chỉ.");
        }

        var app = builder.Build();
        _logger.LogInformation("Bot tokens from MSAL, authority {Authority}, credential {Credential}",
            _options.Authority, certificate is null ? "secret" : "certificate");
        return async ct =>
        {
            var result = await app.AcquireTokenForClient([BotOptions.BotFrameworkScope]).ExecuteAsync(ct).ConfigureAwait(false);
            return result.AccessToken;
        };
    }

    private async Task<X509Certificate2?> LoadCertificateAsync()
    {
        CredentialDescription? description = null;
        if (!string.IsNullOrEmpty(_options.CertificateKeyVaultUrl) && !string.IsNullOrEmpty(_options.CertificateKeyVaultName))
            description = new CredentialDescription { SourceType = CredentialSource.KeyVault, KeyVaultUrl = _options.CertificateKeyVaultUrl,
                KeyVaultCertificateName = _options.CertificateKeyVaultName };
        else if (!string.IsNullOrEmpty(_options.CertificatePath))
            description = new CredentialDescription { SourceType = CredentialSource.Path, CertificateDiskPath = _options.CertificatePath,
                CertificatePassword = _options.CertificatePassword };
        else if (!string.IsNullOrEmpty(_options.CertificateThumbprint))
            description = new CredentialDescription { SourceType = CredentialSource.StoreWithThumbprint, CertificateStorePath = "CurrentUser/My",
                CertificateThumbprint = _options.CertificateThumbprint };
        if (description is null) return null;

        var loader = new DefaultCertificateLoader();
        await loader.LoadCredentialsIfNeededAsync(description).ConfigureAwait(false);
        return description.Certificate
            ?? throw new InvalidOperationException("The bot certificate could not be loaded. / Không tải được chứng chỉ của bot.");
    }
}
