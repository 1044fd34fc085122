using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.GraphSync.Graph;

/// <summary>
/// Entra ID directory: lists users once (paged, $select, $top=999) and matches locally — $filter cannot fold
/// Vietnamese diacritics. Roles with no jobTitle match fall back to a group of that name ("Tổ trưởng chuyên môn").
/// The user list and group memberships are cached for 15 minutes (TimeProvider).
/// </summary>
public sealed class GraphDirectory(GraphServiceClient client, TimeProvider time, ILogger<GraphDirectory> logger) : IDirectory
{
    readonly Dictionary<string, (DateTimeOffset At, IReadOnlyList<DirectoryUser> Users)> _cache = [];
    readonly Dictionary<string, (DateTimeOffset At, IReadOnlyList<DirectoryUser> Members)> _groups = new(StringComparer.OrdinalIgnoreCase);
    static readonly TimeSpan Ttl = TimeSpan.FromMinutes(15);

    static DirectoryUser ToUser(User u) => new(u.Id ?? "", u.DisplayName ?? "", u.JobTitle, u.Department, u.Mail ?? u.UserPrincipalName);

    async Task<IReadOnlyList<DirectoryUser>> UsersAsync(string tenantId, CancellationToken ct)
    {
        lock (_cache) if (_cache.TryGetValue(tenantId, out var c) && time.GetUtcNow() - c.At < Ttl) return c.Users;
        var list = new List<DirectoryUser>();
        var page = await client.Users.GetAsync(rc =>
        {
            rc.QueryParameters.Select = ["id", "displayName", "jobTitle", "department", "mail", "userPrincipalName"];
            rc.QueryParameters.Top = 999;
        }, ct);
        while (page is not null)
        {
            list.AddRange((page.Value ?? []).Select(ToUser));
            page = page.OdataNextLink is { } next ? await client.Users.WithUrl(next).GetAsync(cancellationToken: ct) : null;
        }
        logger.LogInformation("Loaded {Count} directory users for tenant {TenantId}", list.Count, tenantId);
        lock (_cache) _cache[tenantId] = (time.GetUtcNow(), list);
        return list;
    }

    async Task<IReadOnlyList<DirectoryUser>> GroupMembersAsync(string name, CancellationToken ct)
    {
        lock (_groups) if (_groups.TryGetValue(name, out var g) && time.GetUtcNow() - g.At < Ttl) return g.Members;
        var escaped = name.Replace("'", "''", StringComparison.Ordinal);
        var groups = await client.Groups.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = $"displayName eq '{escaped}'";
            rc.QueryParameters.Select = ["id", "displayName"];
        }, ct);
        var members = new List<DirectoryUser>();
        foreach (var grp in groups?.Value ?? [])
        {
            // /members lists direct members only; a role group is often made of groups ("Tổ trưởng" of each level):
            // /transitiveMembers returns the users of the nested groups too (the groups themselves are skipped).
            var page = await client.Groups[grp.Id].TransitiveMembers.GetAsync(cancellationToken: ct);
            while (page is not null)
            {
                members.AddRange((page.Value ?? []).OfType<User>().Select(ToUser));
                page = page.OdataNextLink is { } next
                    ? await client.Groups[grp.Id].TransitiveMembers.WithUrl(next).GetAsync(cancellationToken: ct)
                    : null;
            }
        }
        members = members.DistinctBy(m => m.Id).ToList(); // a user in two nested groups is listed once
        lock (_groups) _groups[name] = (time.GetUtcNow(), members);
        return members;
    }

    public async Task<AssigneeResolution> ResolveAsync(string tenantId, Assignee assignee, CancellationToken ct = default)
    {
        var users = await UsersAsync(tenantId, ct);
        IReadOnlyList<DirectoryUser>? groupMembers = null;
        var first = DirectoryMatcher.Match(users, assignee);
        if (first.Status != ResolutionStatus.Unresolved || string.IsNullOrWhiteSpace(assignee.Title) || !string.IsNullOrWhiteSpace(assignee.Name))
            return first;
        groupMembers = await GroupMembersAsync(assignee.Title, ct);
        return DirectoryMatcher.Match(users, assignee, _ => groupMembers);
    }
}
