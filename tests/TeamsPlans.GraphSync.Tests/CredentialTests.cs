using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TeamsPlans.GraphSync.Tests;

/// <summary>GraphClientBuilder.CreateCredential: which app-only credential each configuration yields, and clear errors.</summary>
public sealed class CredentialTests : IDisposable
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "tp-cred-" + Guid.NewGuid().ToString("N"));

    public CredentialTests() => Directory.CreateDirectory(_dir);
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string WritePfx(string password, bool withKey = true)
    {
        using var rsa = RSA.Create(2048);
        var req = new CertificateRequest("CN=teamsplans-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".pfx");
        if (withKey) File.WriteAllBytes(path, cert.Export(X509ContentType.Pfx, password));
        else
        {
            // A PKCS#12 holding only the public certificate.
            using var pub = X509CertificateLoader.LoadCertificate(cert.Export(X509ContentType.Cert));
            File.WriteAllBytes(path, pub.Export(X509ContentType.Pfx, password));
        }
        return path;
    }

    static GraphAuthOptions App(string? secret = null, string? certPath = null, string? password = null) =>
        new() { TenantId = "tenant-a", ClientId = "00000000-0000-0000-0000-000000000001", ClientSecret = secret, CertificatePath = certPath, CertificatePassword = password };

    static string Kind(GraphAuthOptions o) => GraphClientBuilder.CreateCredential(o).GetType().Name;

    [Fact]
    public void Each_configuration_selects_its_credential()
    {
        Assert.Equal("ClientSecretCredential", Kind(App(secret: "s3cret")));
        var pfx = WritePfx("pw");
        Assert.Equal("ClientCertificateCredential", Kind(App(certPath: pfx, password: "pw")));
        // A certificate wins over a secret left in configuration.
        Assert.Equal("ClientCertificateCredential", Kind(App(secret: "s3cret", certPath: pfx, password: "pw")));
        // A managed identity needs neither tenant nor client id, and wins over everything else.
        Assert.Equal("ManagedIdentityCredential", Kind(new GraphAuthOptions { ManagedIdentityClientId = "system" }));
        Assert.Equal("ManagedIdentityCredential", Kind(new GraphAuthOptions { ManagedIdentityClientId = "11111111-2222-3333-4444-555555555555", ClientSecret = "s" }));
    }

    [Theory]
    [InlineData(null, "cid", "s", "auth.tenant", "TenantId")]
    [InlineData("tid", null, "s", "auth.client", "ClientId")]
    [InlineData("tid", "cid", null, "auth.none", "ManagedIdentityClientId")]
    [InlineData("tid", "cid", "  ", "auth.none", "ClientSecret")]
    public void Missing_settings_fail_with_a_bilingual_error_naming_the_key(string? tenant, string? client, string? secret, string code, string key)
    {
        var ex = Assert.Throws<GraphSyncException>(() => GraphClientBuilder.CreateCredential(new GraphAuthOptions { TenantId = tenant, ClientId = client, ClientSecret = secret }));
        Assert.Equal(code, ex.Code);
        Assert.Contains(key, ex.MessageVi);
        Assert.Contains(key, ex.MessageEn);
        Assert.StartsWith(ex.MessageVi, ex.Message); // Vietnamese first
    }

    [Fact]
    public void A_bad_certificate_file_is_a_clear_error()
    {
        var missing = Assert.Throws<GraphSyncException>(() => GraphClientBuilder.CreateCredential(App(certPath: Path.Combine(_dir, "none.pfx"))));
        Assert.Equal("auth.certFile", missing.Code);
        Assert.Contains("Không tìm thấy tệp chứng chỉ", missing.MessageVi);

        var wrongPassword = Assert.Throws<GraphSyncException>(() => GraphClientBuilder.CreateCredential(App(certPath: WritePfx("right"), password: "wrong")));
        Assert.Equal("auth.certFile", wrongPassword.Code);
        Assert.Contains("wrong password", wrongPassword.MessageEn);

        var noKey = Assert.Throws<GraphSyncException>(() => GraphClientBuilder.CreateCredential(App(certPath: WritePfx("pw", withKey: false), password: "pw")));
        Assert.Equal("auth.certKey", noKey.Code);

        var thumb = Assert.Throws<GraphSyncException>(() => GraphClientBuilder.CreateCredential(new GraphAuthOptions { TenantId = "t", ClientId = "c", Thumbprint = "00112233445566778899AABBCCDDEEFF00112233" }));
        Assert.Equal("auth.cert", thumb.Code);
    }
}
