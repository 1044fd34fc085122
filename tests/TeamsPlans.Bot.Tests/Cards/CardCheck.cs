using System.Diagnostics;
using System.Text.Json;

namespace TeamsPlans.Bot.Tests.Cards;

/// <summary>Runs tools/cardcheck/check.js (the official adaptivecards renderer library under node) over a folder of cards.</summary>
public static class CardCheck
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "tools", "cardcheck", "check.js"))) return dir.FullName;
        throw new InvalidOperationException("tools/cardcheck/check.js not found above " + AppContext.BaseDirectory);
    }

    public static string NodeModules()
    {
        var env = Environment.GetEnvironmentVariable("TEAMSPLANS_TOOLS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "adaptivecards"))) return env;
        var local = Path.Combine(RepoRoot(), "tools", "node_modules");
        if (Directory.Exists(Path.Combine(local, "adaptivecards"))) return local;
        throw new InvalidOperationException(
            "The adaptivecards npm package is missing: run `bash scripts/setup.sh` (installs tools/node_modules) or set TEAMSPLANS_TOOLS.");
    }

    /// <summary>Checks every *.json in <paramref name="dir"/> in one node process; returns the report and the exit code.</summary>
    public static (JsonDocument Report, int ExitCode, string StdErr) Run(string dir, string? screenshotsDir = null)
    {
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(RepoRoot(), "tools", "cardcheck", "check.js"));
        if (screenshotsDir is not null) { psi.ArgumentList.Add("--screenshots"); psi.ArgumentList.Add(screenshotsDir); }
        psi.ArgumentList.Add(dir);
        psi.Environment["TEAMSPLANS_TOOLS"] = NodeModules();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started");
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(true); throw new TimeoutException("cardcheck did not finish in 3 minutes"); }
        var stdout = stdoutTask.GetAwaiter().GetResult();
        var stderr = stderrTask.GetAwaiter().GetResult();
        if (string.IsNullOrWhiteSpace(stdout)) throw new InvalidOperationException($"cardcheck printed nothing (exit {p.ExitCode}): {stderr}");
        return (JsonDocument.Parse(stdout), p.ExitCode, stderr);
    }
}
