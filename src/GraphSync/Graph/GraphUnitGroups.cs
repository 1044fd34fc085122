using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.GraphSync.Graph;

/// <summary>
/// Reads the tenant's unit groups from Entra ID. Convention (documented in src/GraphSync/README.md): a group whose
/// <c>mailNickname</c> starts with <see cref="DefaultPrefix"/> ("dv-") is a unit, the rest of the nickname its code
/// ("dv-thpt07" → THPT07, "dv-to-toan" → TO-TOAN). The nickname is ASCII and unique in the tenant, and Graph filters it
/// server-side (<c>$filter=startswith(mailNickname,'dv-')</c>); groups have no extensionAttribute1–15 (those are on users
/// and devices) and a schema extension would need its own app registration, so the nickname carries the code. Owners and
/// direct members are read per group (paged); nested groups and devices are skipped.
/// </summary>
public sealed class GraphUnitGroups(GraphServiceClient client, ILogger<GraphUnitGroups> logger)
{
    public const string DefaultPrefix = "dv-";

    public async Task<IReadOnlyList<UnitGroup>> ListAsync(string prefix = DefaultPrefix, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var escaped = prefix.Replace("'", "''", StringComparison.Ordinal);
        var groups = new List<Group>();
        var page = await client.Groups.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = $"startswith(mailNickname,'{escaped}')";
            rc.QueryParameters.Select = ["id", "displayName", "mailNickname", "description", "resourceProvisioningOptions"];
            rc.QueryParameters.Top = 999;
        }, ct).ConfigureAwait(false);
        while (page is not null)
        {
            groups.AddRange(page.Value ?? []);
            page = page.OdataNextLink is { } next ? await client.Groups.WithUrl(next).GetAsync(cancellationToken: ct).ConfigureAwait(false) : null;
        }
        var units = new List<UnitGroup>();
        foreach (var g in groups)
        {
            if (g.Id is null || g.MailNickname is not { } nick || nick.Length <= prefix.Length) continue;
            var owners = Users(await AllAsync(client.Groups[g.Id].Owners.GetAsync(cancellationToken: ct),
                next => client.Groups[g.Id].Owners.WithUrl(next).GetAsync(cancellationToken: ct)).ConfigureAwait(false));
            var members = Users(await AllAsync(client.Groups[g.Id].Members.GetAsync(cancellationToken: ct),
                next => client.Groups[g.Id].Members.WithUrl(next).GetAsync(cancellationToken: ct)).ConfigureAwait(false));
            var isTeam = g.ResourceProvisioningOptions?.Contains("Team", StringComparer.OrdinalIgnoreCase) == true;
            units.Add(new UnitGroup(g.Id, Unit.NormalizeCode(nick[prefix.Length..]), g.DisplayName ?? nick, g.Description, isTeam, owners, members));
        }
        logger.LogInformation("Read {Count} unit groups (mailNickname {Prefix}*) from Entra ID", units.Count, prefix);
        return units;
    }

    private static List<UnitContact> Users(List<DirectoryObject> objects) =>
        [.. objects.OfType<User>().Where(u => u.Id is not null)
            .Select(u => new UnitContact(u.Id, u.UserPrincipalName ?? u.Mail)).DistinctBy(c => c.AadObjectId)];

    private static async Task<List<DirectoryObject>> AllAsync(Task<DirectoryObjectCollectionResponse?> first,
        Func<string, Task<DirectoryObjectCollectionResponse?>> next)
    {
        var all = new List<DirectoryObject>();
        for (var page = await first.ConfigureAwait(false); page is not null;
             page = page.OdataNextLink is { } link ? await next(link).ConfigureAwait(false) : null)
            all.AddRange(page.Value ?? []);
        return all;
    }
}
