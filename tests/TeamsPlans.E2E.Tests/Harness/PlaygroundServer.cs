using System.Diagnostics;
using System.Text;

namespace TeamsPlans.E2E.Tests.Harness;

/// <summary>
/// The Microsoft 365 Agents Playground (tools/node_modules/@microsoft/m365agentsplayground), started as
/// <c>node -r tools/playground/loopback.js cli.js -e {bot} -c msteams -p {port} --service-url http://127.0.0.1:{port}/_connector</c>
/// with TEAMSAPPTESTER_BROWSER=none, telemetry off, its config rendered from a <see cref="PlaygroundRoster"/> into a temp folder
/// (which is also its working directory, so its devTools log stays out of the repository).
/// </summary>
public sealed class PlaygroundServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private PlaygroundServer(Process process, StringBuilder output, int port, string workDir, PlaygroundRoster roster)
    {
        _process = process;
        _output = output;
        Port = port;
        WorkDir = workDir;
        Roster = roster;
    }

    public int Port { get; }
    public string WorkDir { get; }
    public PlaygroundRoster Roster { get; }
    public string Url => $"http://127.0.0.1:{Port}/";
    public string ServiceUrl => $"http://127.0.0.1:{Port}/_connector";

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public string DevToolsLog
    {
        get
        {
            var path = Path.Combine(WorkDir, "devTools", "m365agentsplayground.log");
            try { return File.Exists(path) ? File.ReadAllText(path) : ""; } catch (IOException) { return ""; }
        }
    }

    public static async Task<PlaygroundServer> StartAsync(string botEndpoint, PlaygroundRoster? roster = null, int preferredPort = 56150,
        TimeSpan? startTimeout = null)
    {
        roster ??= PlaygroundRoster.Default;
        if (!File.Exists(RepoPaths.PlaygroundCli))
            throw new InvalidOperationException($"Agents Playground not installed at {RepoPaths.PlaygroundCli}: run `bash scripts/setup.sh`.");
        var workDir = RepoPaths.NewTempDir("playground");
        var configPath = Path.Combine(workDir, ".m365agentsplayground.yml");
        await File.WriteAllTextAsync(configPath, roster.ToYaml());
        var port = RepoPaths.FreePort(preferredPort);

        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-r", RepoPaths.LoopbackPreload, RepoPaths.PlaygroundCli, "-e", botEndpoint, "-c", "msteams",
                     "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--service-url", $"http://127.0.0.1:{port}/_connector", "--dt" })
            psi.ArgumentList.Add(a);
        psi.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        psi.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath;
        psi.Environment["TEAMSAPPTESTER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var output = new StringBuilder();
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine("ERR " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PlaygroundServer(process, output, port, workDir, roster);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (startTimeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (process.HasExited)
            {
                var why = $"Agents Playground exited with {process.ExitCode}.\n{server.Output}\n{server.DevToolsLog}";
                await server.DisposeAsync();
                throw new InvalidOperationException(why);
            }
            try
            {
                if ((await http.GetStringAsync($"http://127.0.0.1:{port}/_debug/ping")).Contains("pong", StringComparison.Ordinal)) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
            {
                var why = $"Agents Playground did not answer /_debug/ping on {port}.\n{server.Output}\n{server.DevToolsLog}";
                await server.DisposeAsync();
                throw new TimeoutException(why);
            }
            await Task.Delay(200);
        }
    }

    public void SaveLog(string name)
    {
        var dir = RepoPaths.Artifacts("e2e-logs");
        File.WriteAllText(Path.Combine(dir, name + ".playground.log"), Output + "\n--- devTools ---\n" + DevToolsLog);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException) { }
        catch (TimeoutException) { }
        _process.Dispose();
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
