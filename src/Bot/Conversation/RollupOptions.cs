using Microsoft.Extensions.Configuration;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Department roll-up settings (configuration section "Rollup"), used by the chat command "tổng hợp đơn vị" /
/// "đơn vị nào chưa nộp" / "rollup".
/// <list type="bullet">
/// <item>"Rollup:Units:&lt;departmentTenantId&gt;": the subordinate units of a department (Sở/Phòng), as a list of their
/// tenant ids ("Rollup:Units:tenant-sgd:0" = "tenant-thpt-tl", ":1" = ...) or one comma/semicolon-separated value
/// (environment variable Rollup__Units__tenant-sgd="tenant-a;tenant-b"). Each unit is a tenant the deployment serves; its
/// implementing plans (plans whose "Căn cứ Kế hoạch số …" cites the department plan) and its report submissions
/// (period = due date "yyyy-MM-dd" of the department deadline) are read with <c>RollupService</c>.
/// A tenant without an entry is not a department: the command answers that no unit is configured.
/// A department only ever reads the units listed under its own tenant id.</item>
/// <item>"Rollup:UnitNames:&lt;unitTenantId&gt;": display name of a unit (default: the issuer of its implementing plan,
/// else the tenant id).</item>
/// </list>
/// Which department plan: the plan number typed after the command ("tổng hợp đơn vị 678/KH-SGDĐT"), otherwise the
/// department's most recently updated non-archived plan that has periodic deadlines. Which year: a four-digit year typed
/// after the command ("rollup 2024"), otherwise the current year in Asia/Ho_Chi_Minh.
/// </summary>
internal sealed class RollupOptions
{
    public Dictionary<string, List<string>> Units { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> UnitNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> UnitsOf(string departmentTenantId) =>
        Units.TryGetValue(departmentTenantId, out var list) ? list : [];

    public static RollupOptions From(IConfiguration configuration)
    {
        var o = new RollupOptions();
        foreach (var dept in configuration.GetSection("Rollup:Units").GetChildren())
        {
            // A department is never its own unit.
            var list = TenantPolicy.TenantIds(dept).Where(u => !string.Equals(u, dept.Key, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (list.Count > 0) o.Units[dept.Key] = list;
        }
        foreach (var n in configuration.GetSection("Rollup:UnitNames").GetChildren())
            if (!string.IsNullOrWhiteSpace(n.Value)) o.UnitNames[n.Key] = n.Value.Trim();
        return o;
    }
}
