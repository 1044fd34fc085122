namespace TeamsPlans.E2E.Tests.Harness;

/// <summary>Locations in the repository (found by walking up to TeamsPlans.sln) and of the external tools.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TeamsPlans.sln"))) return dir.FullName;
        throw new InvalidOperationException("TeamsPlans.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootLazy.Value;

    /// <summary>tools/node_modules (or env TEAMSPLANS_TOOLS).</summary>
    public static string ToolsNodeModules =>
        Environment.GetEnvironmentVariable("TEAMSPLANS_TOOLS") is { Length: > 0 } t ? t : Path.Combine(Root, "tools", "node_modules");

    public static string PlaygroundCli => Path.Combine(ToolsNodeModules, "@microsoft", "m365agentsplayground", "cli.js");
    public static string LoopbackPreload => Path.Combine(Root, "tools", "playground", "loopback.js");
    public static string PlaygroundConfig => Path.Combine(Root, ".m365agentsplayground.yml");
    public static string Seeds => Environment.GetEnvironmentVariable("TEAMSPLANS_SEEDS") is { Length: > 0 } s ? s : Path.Combine(Root, "tests", "fixtures", "seeds");

    public static string Artifacts(params string[] parts)
    {
        var dir = Path.Combine([Root, "artifacts", .. parts]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string NewTempDir(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), "teamsplans-e2e", $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A TCP port free on 127.0.0.1: <paramref name="preferred"/> if it is, else one the OS picks.</summary>
    public static int FreePort(int preferred)
    {
        foreach (var candidate in new[] { preferred, 0 })
        {
            try
            {
                var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, candidate);
                l.Start();
                var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
                l.Stop();
                return port;
            }
            catch (System.Net.Sockets.SocketException) when (candidate != 0)
            {
            }
        }
        throw new InvalidOperationException("no free port");
    }
}
