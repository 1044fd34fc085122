using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Security;

/// <summary>
/// Roles from configuration ("Roles:Principals", "Roles:CommitteeHeads", "Roles:Admins"), bound to identities that cannot
/// be chosen by the person: an Entra object id (a GUID, compared as a GUID) or a UPN / e-mail (contains '@'; compared
/// case-insensitively, ordinal — no diacritic or case folding of names). A display name anyone can set on an account, so a
/// name in these lists is refused at start-up (<see cref="RoleConfigurationCheck"/>); in local mode (no Bot:MicrosoftAppId,
/// Playground / tests) other entries are matched exactly (ordinal) against the member id or the display name.
/// Configuration is the truth for the roles it granted: the roles configuration gave a member are remembered (state store
/// scope "role-config"), and a role removed from configuration is removed at the member's next turn. Roles that came from
/// elsewhere (Roles:FirstMemberIsPrincipal) are kept.
/// </summary>
internal sealed class RoleBindings
{
    public const string Scope = "role-config";
    private const MemberRoles Managed = MemberRoles.Principal | MemberRoles.CommitteeHead | MemberRoles.Admin;

    private readonly List<(MemberRoles Role, string Section, string Value)> _entries = [];

    public RoleBindings(ConversationOptions options, IOptions<BotOptions> bot)
    {
        ArgumentNullException.ThrowIfNull(options);
        LocalMode = bot.Value.IsLocalMode;
        foreach (var p in options.Principals) _entries.Add((MemberRoles.Principal, "Roles:Principals", p.Trim()));
        foreach (var c in options.CommitteeHeads) _entries.Add((MemberRoles.CommitteeHead, "Roles:CommitteeHeads", c.Trim()));
        foreach (var a in options.Admins) _entries.Add((MemberRoles.Admin, "Roles:Admins", a.Trim()));
    }

    public bool LocalMode { get; }

    public static bool IsObjectId(string value) => Guid.TryParse(value, out _);
    public static bool IsUpn(string value) => value.Contains('@', StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace);

    /// <summary>Entries that are neither an object id nor a UPN ("Section: value").</summary>
    public IReadOnlyList<string> NameEntries => _entries.Where(e => !IsObjectId(e.Value) && !IsUpn(e.Value))
        .Select(e => $"{e.Section}: \"{LogText.Clean(e.Value, 60)}\"").ToList();

    /// <summary>The roles configuration grants this person.</summary>
    public MemberRoles Configured(string aadObjectId, string? upn, string? email, string? displayName)
    {
        var roles = MemberRoles.None;
        foreach (var (role, _, value) in _entries)
            if (Matches(value, aadObjectId, upn, email, displayName)) roles |= role;
        return roles;
    }

    private bool Matches(string value, string aadObjectId, string? upn, string? email, string? displayName)
    {
        if (Guid.TryParse(value, out var configured))
            return Guid.TryParse(aadObjectId, out var id) && id == configured;
        if (IsUpn(value))
            return string.Equals(value, upn, StringComparison.OrdinalIgnoreCase)
                || (upn is null && string.Equals(value, email, StringComparison.OrdinalIgnoreCase));
        // A name (or a non-GUID id of a local tool): only in local mode, and only exactly.
        return LocalMode
            && (string.Equals(value, aadObjectId, StringComparison.Ordinal) || string.Equals(value, displayName, StringComparison.Ordinal));
    }

    /// <summary>
    /// The member's roles after this turn: stored roles, minus the roles configuration granted before and grants no more,
    /// plus what configuration grants now. Remembers what configuration granted.
    /// </summary>
    public async Task<MemberRoles> ResolveAsync(IStateStore store, string tenantId, string aadObjectId, MemberRoles? stored,
        string? upn, string? email, string? displayName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var now = Configured(aadObjectId, upn, email, displayName);
        var entry = await store.Sync.GetAsync(tenantId, Scope, aadObjectId, ct).ConfigureAwait(false);
        // No record (a member stored before roles were recorded): every managed role it holds is taken as configuration's,
        // so a role granted by the old name matching does not survive.
        var before = entry?.DataJson is { } json && int.TryParse(json, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b)
            ? (MemberRoles)b
            : (stored ?? MemberRoles.None) & Managed;
        var roles = ((stored ?? MemberRoles.Member) & ~(before & ~now)) | now | MemberRoles.Member;
        if (entry is null || before != now)
            await store.Sync.PutAsync(new SyncEntry(tenantId, Scope, aadObjectId, "", null,
                ((int)now).ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
        return roles;
    }
}
