using Microsoft.Extensions.Hosting;

namespace TeamsPlans.Bot.Security;

/// <summary>
/// Start-up check of "Roles:*": outside local mode every entry must be an Entra object id or a UPN; a display name stops
/// the host with a bilingual message naming the entries. In local mode names are allowed (matched exactly) with a warning.
/// </summary>
internal sealed class RoleConfigurationCheck(RoleBindings roles, ILogger<RoleConfigurationCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var names = roles.NameEntries;
        if (names.Count == 0) return Task.CompletedTask;
        var list = string.Join("; ", names);
        if (!roles.LocalMode)
            throw new InvalidOperationException(
                $"Cấu hình vai trò chỉ nhận mã đối tượng Entra (GUID) hoặc UPN/e-mail, không nhận tên hiển thị: {list}. " +
                $"Role configuration accepts Entra object ids (GUID) or UPNs/e-mail only, not display names: {list}.");
        logger.LogWarning("Local mode: role entries that are not object ids or UPNs are matched exactly against the member id or display name: " +
            "{Entries}", list);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
