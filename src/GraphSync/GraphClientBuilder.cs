extern alias AzId;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using AzId::Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using TeamsPlans.GraphSync.Graph;

namespace TeamsPlans.GraphSync;

public static class GraphClientBuilder
{
    public const string GraphScope = "https://graph.microsoft.com/.default";

    /// <summary>
    /// Chooses the app-only credential from configuration, in this order: managed identity (ManagedIdentityClientId =
    /// "system" or a user-assigned client id; needs no tenant/client id), certificate (CertificatePath [+ CertificatePassword]
    /// or Thumbprint), client secret. Missing settings fail with a Vietnamese/English error naming the key.
    /// </summary>
    public static TokenCredential CreateCredential(GraphAuthOptions a)
    {
        if (!string.IsNullOrWhiteSpace(a.ManagedIdentityClientId))
            return a.ManagedIdentityClientId.Equals("system", StringComparison.OrdinalIgnoreCase)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(a.ManagedIdentityClientId));
        var tenant = a.TenantId
            ?? throw new GraphSyncException("auth.tenant", "Thiếu GraphSync:Auth:TenantId.", "GraphSync:Auth:TenantId is missing.");
        var client = a.ClientId
            ?? throw new GraphSyncException("auth.client", "Thiếu GraphSync:Auth:ClientId.", "GraphSync:Auth:ClientId is missing.");
        if (!string.IsNullOrWhiteSpace(a.CertificatePath))
            return new ClientCertificateCredential(tenant, client, LoadCertificate(a.CertificatePath, a.CertificatePassword));
        if (!string.IsNullOrWhiteSpace(a.Thumbprint))
            return new ClientCertificateCredential(tenant, client, FindByThumbprint(a.Thumbprint));
        if (!string.IsNullOrWhiteSpace(a.ClientSecret))
            return new ClientSecretCredential(tenant, client, a.ClientSecret);
        throw new GraphSyncException("auth.none",
            "Chưa cấu hình thông tin xác thực Graph (ClientSecret, CertificatePath/Thumbprint hoặc ManagedIdentityClientId).",
            "No Graph credential configured (ClientSecret, CertificatePath/Thumbprint or ManagedIdentityClientId).");
    }

    static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
            throw new GraphSyncException("auth.certFile", $"Không tìm thấy tệp chứng chỉ \"{path}\" (GraphSync:Auth:CertificatePath).",
                $"Certificate file \"{path}\" not found (GraphSync:Auth:CertificatePath).");
        X509Certificate2 cert;
        try { cert = X509CertificateLoader.LoadPkcs12FromFile(path, password); }
        catch (CryptographicException ex)
        {
            throw new GraphSyncException("auth.certFile",
                $"Không đọc được chứng chỉ \"{path}\": sai mật khẩu (GraphSync:Auth:CertificatePassword) hoặc không phải tệp PFX.",
                $"Could not read certificate \"{path}\": wrong password (GraphSync:Auth:CertificatePassword) or not a PFX file.", ex);
        }
        if (!cert.HasPrivateKey)
            throw new GraphSyncException("auth.certKey", $"Chứng chỉ \"{path}\" không có khóa riêng.", $"Certificate \"{path}\" has no private key.");
        return cert;
    }

    static X509Certificate2 FindByThumbprint(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                if (found.Count > 0) return found[0];
            }
            catch (Exception ex) when (ex is CryptographicException or PlatformNotSupportedException)
            {
                // LocalMachine\My does not exist on Linux: only the other location can hold it.
            }
        }
        throw new GraphSyncException("auth.cert", $"Không tìm thấy chứng chỉ {thumbprint}.", $"Certificate {thumbprint} not found.");
    }

    /// <summary>The token auth provider for app-only Graph calls (scope https://graph.microsoft.com/.default).</summary>
    public static IAuthenticationProvider CreateAuthProvider(TokenCredential credential) =>
        new AzureIdentityAuthenticationProvider(credential, allowedHosts: null, observabilityOptions: null, isCaeEnabled: true, scopes: [GraphScope]);

    /// <summary>
    /// A GraphServiceClient over the SDK's pipeline (GraphClientFactory), with our TimeProvider-based retry handler in
    /// place of the SDK's RetryHandler. <paramref name="extraHandlers"/> go innermost (tests record there).
    /// </summary>
    public static GraphServiceClient Create(
        IAuthenticationProvider auth, string baseUrl, TimeProvider time, ILogger logger, IEnumerable<DelegatingHandler>? extraHandlers = null,
        HttpMessageHandler? finalHandler = null)
    {
        var handlers = new List<DelegatingHandler> { new GraphRetryHandler(time, logger) };
        handlers.AddRange(GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler));
        if (extraHandlers is not null) handlers.AddRange(extraHandlers);
        var http = GraphClientFactory.Create(handlers, "v1.0", "Global", null, finalHandler);
        http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
        return new GraphServiceClient(http, auth, baseUrl.TrimEnd('/'));
    }
}
