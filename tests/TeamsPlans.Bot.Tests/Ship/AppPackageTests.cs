using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsPlans.Bot.Cli;
using TeamsPlans.Bot.Conversation;

namespace TeamsPlans.Bot.Tests.Ship;

/// <summary>Issue 6: the Teams app package a school's IT person uploads, built through the admin CLI.</summary>
public sealed class AppPackageTests : IDisposable
{
    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];
    private readonly string _dir = ShipPaths.TempDir("teamsplans-pkg-");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Runs the CLI like `dotnet run --project src/Bot -- ...`, capturing its output.</summary>
    private static async Task<(int Exit, string Output, string Error)> RunCliAsync(params string[] args)
    {
        var root = new RootCommand("test") { PackageCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Package_built_through_the_cli_has_the_manifest_icons_and_localization_Teams_requires()
    {
        var appId = Guid.NewGuid().ToString("D");
        const string domain = "teamsplans-thpt-bk.azurewebsites.net";
        var zipPath = Path.Combine(_dir, "out", "TeamsPlans.zip");

        var exit = await AdminCli.RunAsync(["package", "--app-id", appId, "--domain", domain, "--app-version", "1.2.3",
            "--source", ShipPaths.AppPackage(), "--out", zipPath]);
        Assert.Equal(0, exit);

        using var zip = ZipFile.OpenRead(zipPath);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.All(names, n => Assert.DoesNotContain('/', n)); // Teams reads files at the zip root only
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png", "vi-VN.json"], names.Order(StringComparer.Ordinal));
        byte[] Read(string name)
        {
            using var s = zip.GetEntry(name)!.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        }
        JsonObject Json(string name) => JsonNode.Parse(Read(name))!.AsObject();

        var manifestText = System.Text.Encoding.UTF8.GetString(Read("manifest.json"));
        var manifest = JsonNode.Parse(manifestText)!.AsObject();

        // Schema 1.19 or later, and the $schema URL of that same version.
        var manifestVersion = manifest["manifestVersion"]!.GetValue<string>();
        Assert.True(Version.Parse(manifestVersion) >= new Version(1, 19), $"manifestVersion {manifestVersion} < 1.19");
        Assert.Contains($"/v{manifestVersion}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
        Assert.Equal("1.2.3", manifest["version"]!.GetValue<string>());

        // The bot's app id everywhere, no placeholder left.
        Assert.Equal(appId, manifest["id"]!.GetValue<string>());
        var bot = Assert.Single(manifest["bots"]!.AsArray())!.AsObject();
        Assert.Equal(appId, bot["botId"]!.GetValue<string>());
        Assert.Equal(appId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://{domain}/botid-{appId}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Equal($"https://{domain}/tab", manifest["staticTabs"]![0]!["contentUrl"]!.GetValue<string>());
        Assert.Equal($"https://{domain}/tab/config", manifest["configurableTabs"]![0]!["configurationUrl"]!.GetValue<string>());
        Assert.DoesNotContain(PackageCommand.PlaceholderAppId, manifestText);
        Assert.DoesNotContain(PackageCommand.PlaceholderDomain, manifestText);
        Assert.Contains(domain, manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.StartsWith($"https://{domain}/", manifest["developer"]!["privacyUrl"]!.GetValue<string>());

        // Personal, team and group chat; one command list for all three, Vietnamese titles within Teams' limits.
        Assert.Equal(BotScopes.Order(), bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
        var commandList = Assert.Single(bot["commandLists"]!.AsArray())!.AsObject();
        Assert.Equal(BotScopes.Order(), commandList["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
        var commands = commandList["commands"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.InRange(commands.Count, 5, 10);
        var viTitles = commands.Select(c => c["title"]!.GetValue<string>()).ToList();
        Assert.Contains("trợ giúp", viTitles);
        Assert.Contains("việc của tôi", viTitles);
        Assert.All(commands, c =>
        {
            Assert.InRange(c["title"]!.GetValue<string>().Length, 1, 32);
            Assert.InRange(c["description"]!.GetValue<string>().Length, 1, 128);
        });

        // Localization: vi-VN is the default (its file repeats the manifest's strings), en is the additional language.
        var localization = manifest["localizationInfo"]!.AsObject();
        Assert.Equal("vi-VN", localization["defaultLanguageTag"]!.GetValue<string>());
        var viFile = localization["defaultLanguageFile"]!.GetValue<string>();
        var en = Assert.Single(localization["additionalLanguages"]!.AsArray())!.AsObject();
        Assert.Equal("en", en["languageTag"]!.GetValue<string>());
        var vi = Json(viFile);
        var english = Json(en["file"]!.GetValue<string>());
        foreach (var doc in new[] { vi, english })
            Assert.Contains($"/v{manifestVersion}/MicrosoftTeams.Localization.schema.json", doc["$schema"]!.GetValue<string>());
        foreach (var (key, value) in vi.Where(p => p.Key != "$schema"))
            Assert.Equal(Resolve(manifest, key), value!.GetValue<string>());
        var enTitles = new List<string>();
        for (var i = 0; i < commands.Count; i++)
        {
            var title = english[$"bots[0].commandLists[0].commands[{i}].title"]?.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(title), $"en.json lacks the title of command {i}");
            Assert.False(string.IsNullOrWhiteSpace(english[$"bots[0].commandLists[0].commands[{i}].description"]?.GetValue<string>()));
            Assert.Matches("^[\\x20-\\x7E]+$", title!); // English, no Vietnamese diacritics
            enTitles.Add(title!);
        }
        Assert.Contains("help", enTitles);
        Assert.Contains("my tasks", enTitles);
        foreach (var key in new[] { "name.short", "name.full", "description.short", "description.full" })
            Assert.False(string.IsNullOrWhiteSpace(english[key]?.GetValue<string>()), $"en.json lacks {key}");

        // Icons: exact pixel sizes; the outline icon is white on a transparent background.
        Assert.Equal("color.png", manifest["icons"]!["color"]!.GetValue<string>());
        Assert.Equal("outline.png", manifest["icons"]!["outline"]!.GetValue<string>());
        var color = TestPng.Read(Read("color.png"));
        Assert.Equal((192, 192), (color.Width, color.Height));
        var outline = TestPng.Read(Read("outline.png"));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(6, outline.ColorType); // RGBA
        var pixels = Enumerable.Range(0, 32 * 32).Select(p => outline.Rgba.AsSpan(p * 4, 4).ToArray()).ToList();
        Assert.All(pixels.Where(p => p[3] != 0), p => Assert.Equal(new byte[] { 255, 255, 255 }, p[..3]));
        Assert.Contains(pixels, p => p[3] == 0);
        Assert.Contains(pixels, p => p[3] == 255);
    }

    /// <summary>"bots[0].commandLists[0].commands[3].title" → the manifest's value at that path.</summary>
    private static string? Resolve(JsonObject manifest, string path)
    {
        JsonNode? node = manifest;
        foreach (Match m in Regex.Matches(path, @"([A-Za-z]+)(?:\[(\d+)\])?"))
        {
            node = node?[m.Groups[1].Value];
            if (m.Groups[2].Success) node = node?.AsArray()[int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)];
        }
        return node?.GetValue<string>();
    }

    [Theory]
    [InlineData("not-a-guid", "không phải GUID hợp lệ", "is not a valid GUID")]
    [InlineData("6f1c2b3a-4d5e-4f60-8a9b", "không phải GUID hợp lệ", "is not a valid GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", "mã giữ chỗ", "placeholder")]
    public async Task A_bad_app_id_is_refused_with_a_Vietnamese_and_English_error_and_no_zip(string appId, string vietnamese, string english)
    {
        var zipPath = Path.Combine(_dir, "bad.zip");
        var (exit, output, error) = await RunCliAsync("package", "--app-id", appId, "--source", ShipPaths.AppPackage(), "--out", zipPath);

        Assert.Equal(PackageCommand.ExitBadArgument, exit);
        Assert.False(File.Exists(zipPath));
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Lỗi / Error:", lines[0]);
        Assert.Contains(vietnamese, lines[0]); // Vietnamese first
        Assert.Contains(english, lines[1]);    // English second
        Assert.Equal(PackageCommand.ExitBadArgument, await AdminCli.RunAsync(["package", "--app-id", appId, "--source", ShipPaths.AppPackage(), "--out", zipPath]));
        Assert.False(File.Exists(zipPath));
    }

    [Theory]
    [InlineData("outline.png", 32, false, "trắng trên nền trong suốt", "white on transparent")]
    [InlineData("outline.png", 24, true, "32x32", "32x32")]
    [InlineData("color.png", 96, true, "192x192", "192x192")]
    public async Task Icons_Teams_would_reject_are_refused(string file, int size, bool white, string vietnamese, string english)
    {
        var source = Path.Combine(_dir, "src");
        Directory.CreateDirectory(source);
        foreach (var f in Directory.GetFiles(ShipPaths.AppPackage())) File.Copy(f, Path.Combine(source, Path.GetFileName(f)));
        // A ring: opaque inside, transparent corners; red instead of white when !white.
        File.WriteAllBytes(Path.Combine(source, file), TestPng.Write(size, size, (x, y) =>
        {
            var inside = Math.Abs(x - size / 2) < size / 3 && Math.Abs(y - size / 2) < size / 3;
            return inside ? (white ? ((byte)255, (byte)255, (byte)255, (byte)255) : ((byte)200, (byte)30, (byte)30, (byte)255)) : ((byte)0, (byte)0, (byte)0, (byte)0);
        }));
        var zipPath = Path.Combine(_dir, "icons.zip");

        var (exit, _, error) = await RunCliAsync("package", "--app-id", Guid.NewGuid().ToString(), "--source", source, "--out", zipPath);

        Assert.Equal(PackageCommand.ExitBadSource, exit);
        Assert.False(File.Exists(zipPath));
        Assert.Contains(vietnamese, error);
        Assert.Contains(english, error);
    }

    [Fact]
    public void Every_command_in_the_command_lists_is_understood_by_the_bot_in_both_languages()
    {
        // Picking a command in Teams sends its (localized) title as the message text.
        var dir = ShipPaths.AppPackage();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!.AsObject();
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "en.json")))!.AsObject();
        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        var kinds = new HashSet<CommandKind>();
        for (var i = 0; i < commands.Count; i++)
        {
            var vi = commands[i]!["title"]!.GetValue<string>();
            var en = english[$"bots[0].commandLists[0].commands[{i}].title"]!.GetValue<string>();
            var kind = TextCommands.Parse(vi).Kind;
            Assert.NotEqual(CommandKind.Unknown, kind);
            Assert.Equal(kind, TextCommands.Parse(en).Kind); // same command in English
            Assert.True(kinds.Add(kind), $"two commands map to {kind}");
        }
        Assert.Equal(Enum.GetValues<CommandKind>().Where(k => k != CommandKind.Unknown).Order(), kinds.Order());
    }
}
