using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsPlans.Bot.Cli;

namespace TeamsPlans.Bot.Tests.Ship;

/// <summary>
/// What CI (scripts/test.sh → dotnet test) proves about the shipped artefacts, with the same tools a school's IT person
/// would use: `atk validate` (Microsoft 365 Agents Toolkit, offline schema + rules) on the manifest, and the Bicep CLI from
/// its NuGet package building and linting every file under infra/bicep with no output at all (a warning fails like an
/// error). scripts/validate-ship.sh runs the same checks from a shell.
/// </summary>
public sealed partial class ShipToolingTests : IDisposable
{
    private static readonly TimeSpan ToolHangGuard = TimeSpan.FromMinutes(5);
    private readonly string _dir = ShipPaths.TempDir("teamsplans-tools-");
    private static string Root => Path.GetDirectoryName(ShipPaths.AppPackage())!;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Atk_validate_passes_on_the_manifest_template_and_on_the_built_package_and_catches_a_broken_one()
    {
        // Built in process (the CLI path is covered by AppPackageTests), extracted like Teams reads it.
        var zipPath = Path.Combine(_dir, "TeamsPlans.zip");
        PackageCommand.Build(new AppPackageRequest("6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b", ShipPaths.AppPackage(), zipPath, "teamsplans-ci.azurewebsites.net"));
        var built = Path.Combine(_dir, "built");
        ZipFile.ExtractToDirectory(zipPath, built);

        // A copy Teams would reject: an unknown bot scope.
        var broken = Path.Combine(_dir, "broken");
        ZipFile.ExtractToDirectory(zipPath, broken);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(broken, "manifest.json")))!.AsObject();
        manifest["bots"]![0]!["scopes"] = new JsonArray("personal", "classroom");
        File.WriteAllText(Path.Combine(broken, "manifest.json"), manifest.ToJsonString());

        foreach (var file in new[] { Path.Combine(ShipPaths.AppPackage(), "manifest.json"), Path.Combine(built, "manifest.json") })
        {
            var (exit, output) = await RunAsync(Atk(), ["validate", "--manifest-file", file, "--telemetry", "false"]);
            Assert.True(exit == 0 && output.Contains("All passed", StringComparison.Ordinal) && !AtkProblem().IsMatch(output),
                $"atk validate {file} (exit {exit}):\n{output}");
        }
        var (_, brokenOutput) = await RunAsync(Atk(), ["validate", "--manifest-file", Path.Combine(broken, "manifest.json"), "--telemetry", "false"]);
        Assert.Matches(AtkProblem(), brokenOutput);
        Assert.DoesNotContain("All passed", brokenOutput);
    }

    [Fact]
    public async Task Every_bicep_file_builds_and_lints_with_no_output_and_a_warning_would_be_caught()
    {
        var bicep = await BicepAsync();
        var infra = Path.Combine(Root, "infra", "bicep");
        var sources = Directory.GetFiles(infra, "*.bicep", SearchOption.AllDirectories);
        var parameterFiles = Directory.GetFiles(infra, "*.bicepparam", SearchOption.AllDirectories);
        Assert.Contains(sources, f => f.EndsWith("main.bicep", StringComparison.Ordinal));
        Assert.True(sources.Length >= 6, "main.bicep and its modules (bot, app service, key vault, monitoring, postgres)");
        Assert.NotEmpty(parameterFiles);

        var outDir = Path.Combine(_dir, "arm");
        var (buildExit, buildOutput) = await RunAsync(bicep, ["build", "--pattern", "infra/bicep/**/*.bicep", "--outdir", outDir], Root);
        Assert.True(buildExit == 0 && buildOutput.Length == 0, $"bicep build (exit {buildExit}):\n{buildOutput}");
        Assert.Equal(sources.Length, Directory.GetFiles(outDir, "*.json", SearchOption.AllDirectories).Length);

        var (lintExit, lintOutput) = await RunAsync(bicep, ["lint", "--pattern", "infra/bicep/**/*.bicep"], Root);
        Assert.True(lintExit == 0 && lintOutput.Length == 0, $"bicep lint (exit {lintExit}):\n{lintOutput}");

        // The example parameters read their secrets from the environment: validation-only values here.
        var env = new Dictionary<string, string> { ["TEAMSPLANS_PG_PASSWORD"] = "ValidateOnly-NotASecret-1", ["TEAMSPLANS_BOT_PASSWORD"] = "ValidateOnly-NotASecret-2" };
        foreach (var file in parameterFiles)
        {
            var (exit, output) = await RunAsync(bicep, ["build-params", file, "--outfile", Path.Combine(_dir, Path.GetFileName(file) + ".json")], Root, env);
            Assert.True(exit == 0 && output.Length == 0, $"bicep build-params {file} (exit {exit}):\n{output}");
            var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, Path.GetFileName(file) + ".json")))!["parameters"]!.AsObject();
            foreach (var required in new[] { "location", "botAppType", "botAppId", "postgresSkuName", "postgresSkuTier", "postgresLocation", "postgresAdminPassword" })
                Assert.True(parameters.ContainsKey(required), $"{Path.GetFileName(file)} sets {required}");
            (exit, output) = await RunAsync(bicep, ["lint", file], Root, env);
            Assert.True(exit == 0 && output.Length == 0, $"bicep lint {file} (exit {exit}):\n{output}");
        }

        // The "no output at all" rule really sees warnings: the CLI exits 0 on them.
        var warned = Path.Combine(_dir, "warned.bicep");
        File.WriteAllText(warned, "param unused string\n");
        var (warnExit, warnOutput) = await RunAsync(bicep, ["lint", warned], _dir);
        Assert.Equal(0, warnExit);
        Assert.Contains("no-unused-params", warnOutput);
    }

    [GeneratedRegex(@"✖|×|\berror\b|[1-9][0-9]* failed", RegexOptions.IgnoreCase)]
    private static partial Regex AtkProblem();

    private static string Atk()
    {
        var tools = Environment.GetEnvironmentVariable("TEAMSPLANS_TOOLS") is { Length: > 0 } t ? t : Path.Combine(Root, "tools", "node_modules");
        var atk = Path.Combine(tools, ".bin", "atk");
        Assert.True(File.Exists(atk), $"{atk} is missing: run scripts/setup.sh (installs the npm tools).");
        return atk;
    }

    private static async Task<string> BicepAsync()
    {
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Packages.props"));
        var version = Regex.Match(props, "Include=\"Azure.Bicep.CommandLine.linux-x64\" Version=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(version), "Directory.Packages.props pins Azure.Bicep.CommandLine.linux-x64");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var bicep = Path.Combine(packages, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
        if (!File.Exists(bicep))
        {
            var (exit, output) = await RunAsync("dotnet", ["restore", Path.Combine(Root, "tools", "bicep", "BicepTool.csproj"), "-nologo", "-v", "q"], Root);
            Assert.True(exit == 0, "dotnet restore tools/bicep/BicepTool.csproj:\n" + output);
        }
        Assert.True(File.Exists(bicep), bicep + " is missing after restore");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        return bicep;
    }

    /// <summary>Runs a tool; returns its exit code and stdout+stderr. A hang beyond the guard kills it and fails.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, string? workingDirectory = null, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Root };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(ToolHangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(file)} {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
    }
}
