using System.Text.RegularExpressions;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Features.FirstRun;

/// <summary>
/// Roles written into the Agents Playground roster (.m365agentsplayground.yml). The Playground's schema has no job
/// title, so the convention is a YAML comment the Playground ignores and the bot reads, one per person:
/// <c># teamsplans-role: principal 6f1d2c3b-0000-4000-8000-000000000001 Ngô Tấn Hưng</c>
/// (roles: <c>principal</c>, <c>committee-head</c>, <c>admin</c>; the id is the user's aadObjectId of the file, or a UPN;
/// the rest of the line is the name shown in the start-up log). The file's <c>tenantId:</c> is the Playground's tenant.
/// </summary>
internal static partial class PlaygroundRoleFile
{
    public const string FileName = ".m365agentsplayground.yml";

    [GeneratedRegex(@"^\s*#\s*teamsplans-role:\s*(?<role>principal|committee-head|admin)\s+(?<id>\S+)\s*(?<name>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex RoleLine();

    [GeneratedRegex(@"^tenantId:\s*(?<id>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TenantLine();

    /// <summary>The roster file: <paramref name="configured"/> (relative to the content
    /// root) or the first one found walking up from the content root.</summary>
    public static string? Find(string contentRoot, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
            return File.Exists(path) ? path : null;
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static IReadOnlyList<RosterRole> Roles(string yaml) =>
        RoleLine().Matches(yaml).Select(m => new RosterRole(m.Groups["role"].Value.ToLowerInvariant() switch
        {
            "principal" => MemberRoles.Principal,
            "committee-head" => MemberRoles.CommitteeHead,
            _ => MemberRoles.Admin,
        }, m.Groups["id"].Value, m.Groups["name"].Value.Trim())).ToList();

    /// <summary>
    /// The Playground's tenant (the roster's <c>tenantId:</c>; "Roles:PlaygroundRoster" names another file), or null when
    /// there is no roster: a local bot's background work and library folder serve the tenant the Playground chats in.
    /// </summary>
    public static string? TenantOf(Microsoft.Extensions.Configuration.IConfiguration configuration, string contentRoot) =>
        Find(contentRoot, configuration["Roles:PlaygroundRoster"]) is { } path ? TenantId(File.ReadAllText(path)) : null;

    public static string? TenantId(string yaml) => TenantLine().Match(yaml) is { Success: true } m ? m.Groups["id"].Value.Trim('"', '\'') : null;
}
