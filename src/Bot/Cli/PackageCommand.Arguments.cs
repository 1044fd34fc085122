using System.Text.RegularExpressions;

namespace TeamsPlans.Bot.Cli;

/// <summary>The checks of the `package` command's arguments: the bot's app id, its host name, the app version.</summary>
internal static partial class PackageCommand
{
    internal static string ValidateAppId(string? value)
    {
        var v = (value ?? "").Trim();
        if (!Guid.TryParseExact(v, "D", out var id))
            throw BadArgument(
                $"--app-id \"{value}\" không phải GUID hợp lệ (dạng xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), "
                    + "hãy dùng Application (client) ID của bot.",
                $"--app-id \"{value}\" is not a valid GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx); use the bot's Application (client) ID.");
        if (id == Guid.Empty)
            throw BadArgument("--app-id là mã giữ chỗ 00000000-...; hãy dùng Application (client) ID thật của bot.",
                              "--app-id is the all-zero placeholder; use the bot's real Application (client) ID.");
        return id.ToString("D");
    }

    internal static string? ValidateDomain(string? value)
    {
        if (value is null) return null;
        var v = value.Trim().TrimEnd('/').ToLowerInvariant();
        if (v.Length == 0 || v.Contains("://", StringComparison.Ordinal) || v.Contains('/') || !HostName().IsMatch(v))
            throw BadArgument(
                $"--domain \"{value}\" không phải tên miền hợp lệ (chỉ tên máy, ví dụ teamsplans-abc.azurewebsites.net, "
                    + "không có https:// hay đường dẫn).",
                $"--domain \"{value}\" is not a valid host name (host only, e.g. teamsplans-abc.azurewebsites.net, no https:// or path).");
        return v;
    }

    internal static string ValidateVersion(string value)
    {
        var v = value.Trim();
        if (!SemVer().IsMatch(v))
            throw BadArgument($"--app-version \"{value}\" không hợp lệ (dạng X.Y.Z, ví dụ 1.0.1).",
                $"--app-version \"{value}\" is invalid (X.Y.Z, e.g. 1.0.1).");
        return v;
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")]
    private static partial Regex SemVer();
}
