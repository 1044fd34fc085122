namespace TeamsPlans.GraphSync;

/// <summary>
/// App-only credentials ("GraphSync:Auth"): a client secret (from env/Key Vault, never the repo), a certificate
/// (file path or thumbprint in the CurrentUser/LocalMachine store), or a managed identity.
/// </summary>
public sealed class GraphAuthOptions
{
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    public string? Thumbprint { get; set; }
    /// <summary>Set (or "system") to use a managed identity; a client id selects a user-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }
}
