using Microsoft.Extensions.Configuration;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Features.FirstRun;

/// <summary>
/// A working principal with no configuration. Only in local mode (no Bot:MicrosoftAppId) and only when no
/// Roles:Principals / CommitteeHeads / Admins are configured: the roles come from the Playground roster's
/// <c># teamsplans-role:</c> lines (<see cref="PlaygroundRoleFile"/>; "Roles:PlaygroundRoster" names another file,
/// "Roles:FromPlayground" false turns it off); when the roster names no principal, the first member the bot meets in a
/// tenant becomes principal (as "Roles:FirstMemberIsPrincipal", unless that is set to false).
/// </summary>
internal static class LocalRoles
{
    public static LocalRoleSource? Resolve(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration["Bot:MicrosoftAppId"])) return null;
        var configured = ConversationOptions.From(configuration);
        if (configured.Principals.Count + configured.CommitteeHeads.Count + configured.Admins.Count > 0) return null;
        var fromPlayground = !(bool.TryParse(configuration["Roles:FromPlayground"], out var p) && !p);
        var path = fromPlayground ? PlaygroundRoleFile.Find(contentRoot, configuration["Roles:PlaygroundRoster"]) : null;
        var yaml = path is null ? "" : File.ReadAllText(path);
        var roles = PlaygroundRoleFile.Roles(yaml);
        var firstMemberOff = bool.TryParse(configuration["Roles:FirstMemberIsPrincipal"], out var f) && !f;
        return new LocalRoleSource(path, PlaygroundRoleFile.TenantId(yaml), roles,
            !firstMemberOff && !roles.Any(r => r.Role == MemberRoles.Principal));
    }

    /// <summary>The host's <see cref="ConversationOptions"/>: configuration plus the local roles.</summary>
    public static ConversationOptions Options(IServiceProvider services, IConfiguration configuration) =>
        Apply(ConversationOptions.From(configuration), configuration,
            services.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory);

    /// <summary><paramref name="options"/> with the local roles added (unchanged outside local mode or with configured roles).</summary>
    public static ConversationOptions Apply(ConversationOptions options, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Resolve(configuration, contentRoot) is not { } source) return options;
        foreach (var r in source.Roles)
            (r.Role == MemberRoles.Principal ? options.Principals : r.Role == MemberRoles.CommitteeHead ? options.CommitteeHeads
                : options.Admins).Add(r.Id);
        options.FirstMemberIsPrincipal |= source.FirstMemberIsPrincipal;
        return options;
    }
}
