using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsPlans.Bot.Delivery;

/// <summary>Installs the Teams app for a user so the bot can open a 1:1 chat with them (proactive install).</summary>
internal interface IAppInstaller
{
    /// <summary>Installs the app (catalog id <paramref name="teamsAppCatalogId"/>)
    /// in the user's personal scope; already installed counts as success.</summary>
    Task InstallForUserAsync(string tenantId, string aadObjectId, string teamsAppCatalogId, CancellationToken ct);
}

/// <summary>
/// Microsoft Graph: POST /users/{id}/teamwork/installedApps {"teamsApp@odata.bind": ".../appCatalogs/teamsApps/{id}"}
/// (application permission TeamsAppInstallation.ReadWriteSelfForUser.All). 409 Conflict = already installed.
/// The GraphServiceClient must be authenticated for <paramref name="tenantId"/> (single-tenant deployments: the one registered in DI).
/// </summary>
internal sealed class GraphAppInstaller(GraphServiceClient graph, ILogger<GraphAppInstaller> logger) : IAppInstaller
{
    public async Task InstallForUserAsync(string tenantId, string aadObjectId, string teamsAppCatalogId, CancellationToken ct)
    {
        var body = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{Uri.EscapeDataString(teamsAppCatalogId)}",
            },
        };
        try
        {
            await graph.Users[aadObjectId].Teamwork.InstalledApps.PostAsync(body, cancellationToken: ct).ConfigureAwait(false);
            logger.LogInformation("Installed Teams app {AppId} for {AadObjectId} in {TenantId}", teamsAppCatalogId, aadObjectId, tenantId);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 409)
        {
            logger.LogDebug("Teams app {AppId} already installed for {AadObjectId} in {TenantId}", teamsAppCatalogId, aadObjectId, tenantId);
        }
    }
}

/// <summary>
/// Local mode only (no tenant, Delivery:InstallForUsers false): installs nothing. Members without a conversation are then
/// reached by CreateConversation alone, which works when the app is already installed for them (e.g. by an admin policy).
/// </summary>
internal sealed class NoOpAppInstaller : IAppInstaller
{
    public Task InstallForUserAsync(string tenantId, string aadObjectId, string teamsAppCatalogId, CancellationToken ct) => Task.CompletedTask;
}
