namespace TeamsPlans.Bot.Cli;

/// <summary>
/// The one rule for file arguments of the admin CLI: a relative path is relative to the directory the user typed the
/// command in. <c>dotnet run --project src/Bot</c> starts the program with its working directory set to the project
/// folder (so the bot's content root and <c>src/Bot/data</c> stay where they are), but the launching shell's
/// <c>PWD</c> is passed through unchanged; so the invocation directory is <c>PWD</c> when it is set to an existing
/// absolute directory, and the process working directory otherwise (Windows shells, launchers without PWD).
/// A PWD left stale by a launcher that changed directory without a shell is tolerated: a relative path that exists
/// only under the working directory is taken from there. Absolute paths are used as given.
/// </summary>
internal static class CliPaths
{
    /// <summary>Where the user typed the command (see the type's rule).</summary>
    internal static string InvocationDirectory(Func<string, string?>? environment = null)
    {
        var pwd = (environment ?? Environment.GetEnvironmentVariable)("PWD");
        return !string.IsNullOrWhiteSpace(pwd) && Path.IsPathFullyQualified(pwd) && Directory.Exists(pwd)
            ? pwd
            : Environment.CurrentDirectory;
    }

    /// <summary><paramref name="path"/> made absolute against <see cref="InvocationDirectory"/>; null stays null.</summary>
    internal static string? Resolve(string? path, Func<string, string?>? environment = null)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (Path.IsPathFullyQualified(path)) return Path.GetFullPath(path);
        var typed = Path.GetFullPath(Path.Combine(InvocationDirectory(environment), path));
        if (File.Exists(typed) || Directory.Exists(typed)) return typed;
        var working = Path.GetFullPath(path);
        return File.Exists(working) || Directory.Exists(working) ? working : typed;
    }
}
