using Microsoft.Extensions.Configuration;
using TeamsPlans.Storage;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Settings of the conversation layer.
/// <list type="bullet">
/// <item>The library folder ("Library:Root" / "GraphSync:LocalRoot"): <see cref="TeamsPlans.GraphSync.Local.LocalLibraryFolder"/>.</item>
/// <item>"Roles:Principals", "Roles:CommitteeHeads", "Roles:Admins": lists of Entra object ids or UPNs, matched by
/// <see cref="TeamsPlans.Bot.Security.RoleBindings"/> (names refused at start-up outside local mode; a role removed from
/// configuration is removed at the member's next turn).</item>
/// <item>"Roles:FirstMemberIsPrincipal" (default false): the first person the bot meets in a tenant with no principal yet
/// becomes Principal + Admin. Meant for local/Playground trials, where nobody is configured.</item>
/// <item>"Conversation:DefaultTenantId": tenant used when an activity carries none (local tools); default none → refused.</item>
/// <item>"Reports:MaxFileBytes" (default 20 MiB): largest report file a member may send to the bot; bigger files are refused
/// with a bilingual message.</item>
/// <item>"Bot:DefaultLanguage" (default "vi-VN"): the card language of a member met for the first time, until they choose
/// ("tiếng việt" / "english"); "auto" follows the Teams client's locale (the Agents Playground always reports en-US).</item>
/// </list>
/// </summary>
internal sealed class ConversationOptions
{
    public List<string> Principals { get; set; } = [];
    public List<string> CommitteeHeads { get; set; } = [];
    public List<string> Admins { get; set; } = [];
    public bool FirstMemberIsPrincipal { get; set; }
    public string? DefaultTenantId { get; set; }
    public long MaxReportBytes { get; set; } = 20L * 1024 * 1024;
    /// <summary>Where a file sent in chat waits (downloaded on arrival) until the member says which assignment it answers
    /// ("Reports:PendingFolder"; shared storage when several instances run).</summary>
    public string PendingFileRoot { get; set; } = "data/pending-files";
    /// <summary>"vi", "en", or null (follow the client): the language stored for a member met for the first time.</summary>
    public string? DefaultLanguage { get; set; } = "vi";

    public static readonly string[] LibraryExtensions = [".txt", ".md", ".docx", ".pdf"];

    public static ConversationOptions From(IConfiguration c)
    {
        var o = new ConversationOptions();
        o.Principals = List(c.GetSection("Roles:Principals"));
        o.CommitteeHeads = List(c.GetSection("Roles:CommitteeHeads"));
        o.Admins = List(c.GetSection("Roles:Admins"));
        o.FirstMemberIsPrincipal = bool.TryParse(c["Roles:FirstMemberIsPrincipal"], out var f) && f;
        o.DefaultTenantId = c["Conversation:DefaultTenantId"] is { Length: > 0 } t ? t : null;
        if (long.TryParse(c["Reports:MaxFileBytes"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture,
            out var max) && max > 0)
            o.MaxReportBytes = max;
        o.PendingFileRoot = c["Reports:PendingFolder"] is { Length: > 0 } pf ? pf : o.PendingFileRoot;
        o.DefaultLanguage = LanguageOf(c["Bot:DefaultLanguage"]);
        return o;
    }

    /// <summary>"vi-VN" / "vi" → "vi", "en-…" → "en", "auto" → null (follow the client); unset → "vi".</summary>
    public static string? LanguageOf(string? setting) => setting?.Trim() switch
    {
        null or "" => "vi",
        var l when l.StartsWith("vi", StringComparison.OrdinalIgnoreCase) => "vi",
        var l when l.StartsWith("en", StringComparison.OrdinalIgnoreCase) => "en",
        var l when l.Equals("auto", StringComparison.OrdinalIgnoreCase) => null,
        var l => throw new InvalidOperationException($"Bot:DefaultLanguage '{l}' is not vi-VN, en-US or auto."),
    };

    /// <summary>Accepts an array section (Roles:Principals:0, :1 ...) or one comma/semicolon-separated string.</summary>
    private static List<string> List(IConfigurationSection s)
    {
        var list = s.GetChildren().Select(x => x.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (list.Count == 0 && !string.IsNullOrWhiteSpace(s.Value))
            list = s.Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return list;
    }

    /// <summary>Roles configured for a person, by aadObjectId, e-mail/UPN or display name.</summary>
    public MemberRoles ConfiguredRoles(string aadObjectId, string? email, string? upn, string? name)
    {
        var keys = new[] { aadObjectId, email, upn, name }.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => VietText.FoldWords(k)).ToHashSet();
        bool In(List<string> list) => list.Any(x => keys.Contains(VietText.FoldWords(x)));
        var roles = MemberRoles.None;
        if (In(Principals)) roles |= MemberRoles.Principal;
        if (In(CommitteeHeads)) roles |= MemberRoles.CommitteeHead;
        if (In(Admins)) roles |= MemberRoles.Admin;
        return roles;
    }
}
