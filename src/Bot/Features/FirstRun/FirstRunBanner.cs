using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TeamsPlans.Bot.Features.Import;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Features.FirstRun;

/// <summary>
/// The start-up console of a local bot (no Bot:MicrosoftAppId): who is principal, where the plan library folder is, and
/// the next step. Nothing is logged outside local mode.
/// </summary>
internal static class FirstRunBanner
{
    public const string LogCategory = "TeamsPlans.FirstRun";

    public static void Log(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var env = services.GetRequiredService<IHostEnvironment>();
        if (!string.IsNullOrWhiteSpace(configuration["Bot:MicrosoftAppId"])) return;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var source = LocalRoles.Resolve(configuration, env.ContentRootPath);
        // The folder a plan is dropped into for the tenant the Playground chats in (TenantDefaults: the roster's tenant).
        var tenant = services.GetService<TenantPolicy>()?.DefaultTenant ?? source?.TenantId;
        var library = services.GetService<LocalPlanLibrary>()?.LibraryFolder(tenant) ?? "data/library";
        foreach (var t in new[] { FirstRunTexts.Vi, FirstRunTexts.En })
            logger.LogInformation("TeamsPlans: {Roles}; {Library}; {NextStep}", Roles(t, source), t.Library(library), t.NextStep);
    }

    private static string Roles(FirstRunTexts t, LocalRoleSource? source)
    {
        if (source is null) return "Roles:*";
        string Names(MemberRoles role) => string.Join(", ", source.Roles.Where(r => r.Role == role).Select(r => r.Name.Length > 0 ? r.Name : r.Id));
        var principals = Names(MemberRoles.Principal);
        var text = principals.Length > 0 ? t.PrincipalsFromRoster(principals, source.RosterPath ?? PlaygroundRoleFile.FileName) : t.FirstMember;
        var heads = Names(MemberRoles.CommitteeHead);
        return heads.Length > 0 ? text + "; " + t.CommitteeHeadsFromRoster(heads) : text;
    }
}
