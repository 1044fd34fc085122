using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Local;

/// <summary>The embedded directory: the tenant's members in the state store, matched like Entra users.</summary>
internal sealed class LocalDirectory(IMemberStore members) : IDirectory
{
    public async Task<AssigneeResolution> ResolveAsync(string tenantId, Assignee assignee, CancellationToken ct = default)
    {
        var list = (await members.ListAsync(tenantId, ct))
            .Select(m => new DirectoryUser(m.AadObjectId, m.DisplayName, m.JobTitle, m.Department, m.Email)).ToList();
        return DirectoryMatcher.Match(list, assignee);
    }
}
