namespace TeamsPlans.Bot.Cli;

/// <summary>Where the Teams app package sources (appPackage/) are.</summary>
internal static class AppPackageLocator
{
    /// <summary>appPackage/manifest.json found from the working directory or the program's folder, walking up.</summary>
    internal static string? FindAppPackageDirectory()
    {
        foreach (var start in new[] { CliPaths.InvocationDirectory(), Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "appPackage");
                if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
            }
        }
        return null;
    }
}
