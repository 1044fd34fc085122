namespace TeamsPlans.Bot.Protocol;

/// <summary>Bot identity and authentication settings (configuration section "Bot").</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";
    public const string MultiTenantAuthority = "https://login.microsoftonline.com/botframework.com";

    /// <summary>The bot's Entra app (client) id. Empty = local mode (no outbound tokens, loopback-only inbound without JWT).</summary>
    public string? MicrosoftAppId { get; set; }
    /// <summary>SingleTenant, MultiTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";
    public string? MicrosoftAppTenantId { get; set; }
    /// <summary>Client secret; from the environment (Bot__MicrosoftAppPassword) or Key Vault, never in the repository.</summary>
    public string? MicrosoftAppPassword { get; set; }
    /// <summary>Client certificate instead of a secret: a PFX file path...</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    /// <summary>...or a Key Vault certificate (URL of the vault + certificate name), loaded through Microsoft.Identity.Web.</summary>
    public string? CertificateKeyVaultUrl { get; set; }
    public string? CertificateKeyVaultName { get; set; }
    /// <summary>...or a certificate in the current user's store, by thumbprint.</summary>
    public string? CertificateThumbprint { get; set; }
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;
    /// <summary>OpenID metadata for tokens issued by the bot's Entra tenant (single-tenant bots); "{tenant}" is replaced.</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";
    /// <summary>Require the Bot Framework signing key to endorse the activity's channelId (spec default: every channel).</summary>
    public bool RequireEndorsement { get; set; } = true;

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
    public bool IsSingleTenant => string.Equals(MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase);
    public bool IsManagedIdentity => string.Equals(MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);

    /// <summary>Token authority for outbound calls: the bot's tenant (single-tenant / MSI) or botframework.com (multi-tenant).</summary>
    public string Authority => (IsSingleTenant || IsManagedIdentity) && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
        ? $"https://login.microsoftonline.com/{MicrosoftAppTenantId}"
        : MultiTenantAuthority;
}
