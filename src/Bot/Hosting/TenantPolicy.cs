using Microsoft.Extensions.Configuration;

namespace TeamsPlans.Bot.Hosting;

/// <summary>
/// Which tenants this deployment serves. Configuration "Tenants:Allowed" (list of Entra tenant ids) and
/// "Tenants:Default" (default "local"). The bot refuses activities whose tenant is not allowed. An empty list is
/// <see cref="SingleTenant"/> mode: no allow-list at the endpoint (development; the host warns at start-up, and a single-tenant
/// bot registration fills the list with its own tenant) and background work for the default tenant only.
/// Tenant ids compare case-insensitively (GUIDs).
/// </summary>
internal sealed class TenantPolicy
{
    public const string SectionName = "Tenants";
    public const string LocalTenant = "local";

    private readonly HashSet<string> _allowed;

    public TenantPolicy(IEnumerable<string>? allowed, string? defaultTenant = LocalTenant)
    {
        DefaultTenant = string.IsNullOrWhiteSpace(defaultTenant) ? LocalTenant : defaultTenant.Trim();
        _allowed = new HashSet<string>(
            (allowed ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);
        SingleTenant = _allowed.Count == 0;
        if (SingleTenant) _allowed.Add(DefaultTenant);
    }

    /// <summary>The tenant used in single-tenant local mode.</summary>
    public string DefaultTenant { get; }
    /// <summary>True when "Tenants:Allowed" is empty (local mode: only <see cref="DefaultTenant"/>).</summary>
    public bool SingleTenant { get; }
    public IReadOnlyCollection<string> Allowed => _allowed;

    public bool IsAllowed(string? tenantId) => !string.IsNullOrWhiteSpace(tenantId) && _allowed.Contains(tenantId.Trim());

    /// <summary>True when an activity of <paramref name="tenantId"/> must be refused: an allow-list is configured and the
    /// tenant is not on it (no tenant, or no allow-list, is not a refusal).</summary>
    public bool Refuses(string? tenantId) => tenantId is not null && !SingleTenant && !IsAllowed(tenantId);

    public static TenantPolicy FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        return new TenantPolicy(TenantIds(section.GetSection("Allowed")), section["Default"]);
    }

    /// <summary>
    /// A list of tenant ids in configuration: the section's children ("X:0", "X:1", ...) or, as environment variables often
    /// give it, one comma/semicolon separated value ("X" = "a;b"). Blank entries are dropped, the others trimmed.
    /// </summary>
    public static IReadOnlyList<string> TenantIds(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var list = section.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (list.Count == 0 && !string.IsNullOrWhiteSpace(section.Value))
            list = section.Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return list;
    }
}
