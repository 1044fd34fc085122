using System.Buffers.Binary;
using System.CommandLine;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Cli;

/// <summary>
/// `package --app-id GUID [--out FILE] [--domain HOST] [--app-version X.Y.Z] [--source DIR]`: builds the Teams app package
/// (manifest.json + color.png + outline.png + localization files at the zip root) from appPackage/, with the bot's Entra app id
/// in place of the placeholder everywhere (manifest id, bots[].botId, webApplicationInfo.id and .resource) and, with --domain,
/// the bot's host name in validDomains and the developer URLs. Checks what Teams would reject: icon sizes, outline colours,
/// localization files, leftover placeholders.
/// Exit codes: 0 written, 2 bad argument (GUID, host, version), 3 the appPackage folder is not valid.
/// </summary>
internal static partial class PackageCommand
{
    /// <summary>App id in the repository's manifest, replaced at build time (a valid GUID so the template itself validates).</summary>
    public const string PlaceholderAppId = "00000000-0000-0000-0000-000000000000";
    /// <summary>Host in the repository's manifest (reserved example domain), replaced by --domain.</summary>
    public const string PlaceholderDomain = "teamsplans.example.com";
    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;
    public const int ExitBadArgument = 2;
    public const int ExitBadSource = 3;

    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Description = "Bot Entra app (client) id, a GUID / Mã ứng dụng (client id) của bot",
            Required = true };
        var output = new Option<string?>("--out") { Description = "Zip to write (default appPackage/build/TeamsPlans.zip) / Tệp zip đầu ra" };
        var domain = new Option<string?>("--domain") { Description = "Bot host name, e.g. teamsplans-xyz.azurewebsites.net / Tên miền của bot" };
        var version = new Option<string?>("--app-version") { Description = "Manifest version X.Y.Z (raise it for every update) / Phiên bản gói" };
        var source =
            new Option<string?>("--source") { Description = "Folder with manifest.json (default: appPackage/ of the repository) / Thư mục nguồn" };
        var cmd = new Command("package", "Build the Teams app package (zip) / Đóng gói ứng dụng Teams (zip)") { appId, output, domain,
            version, source };
        cmd.SetAction(pr =>
        {
            var stdout = pr.InvocationConfiguration.Output;
            var stderr = pr.InvocationConfiguration.Error;
            try
            {
                var request = new AppPackageRequest(
                    pr.GetValue(appId) ?? "",
                    CliPaths.Resolve(pr.GetValue(source)),
                    CliPaths.Resolve(pr.GetValue(output)),
                    pr.GetValue(domain),
                    pr.GetValue(version));
                var result = Build(request);
                stdout.WriteLine($"Đã tạo gói ứng dụng Teams / Teams app package written: {result.OutputPath}");
                stdout.WriteLine($"  app id: {result.AppId}; tên miền / domain: " +
                    $"{result.Domain ?? "(chưa đặt / not set: " + PlaceholderDomain + ")"}; version {result.Version}");
                stdout.WriteLine($"  tệp / files: {string.Join(", ", result.Entries)}");
                stdout.WriteLine("  Tải lên / Upload: Teams admin center → Teams apps → Manage apps → Upload new app (docs/deploy.md).");
                return 0;
            }
            catch (AppPackageException ex)
            {
                stderr.WriteLine($"Lỗi / Error: {ex.Vietnamese}");
                stderr.WriteLine($"  {ex.English}");
                return ex.ExitCode;
            }
        });
        return cmd;
    }

    /// <summary>Builds the zip. Throws <see cref="AppPackageException"/> with a Vietnamese and an English message on bad input.</summary>
    public static AppPackageResult Build(AppPackageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var appId = ValidateAppId(request.AppId);
        var domain = ValidateDomain(request.Domain);
        var version = request.Version is null ? null : ValidateVersion(request.Version);

        var sourceDir = request.SourceDirectory ?? AppPackageLocator.FindAppPackageDirectory()
            ?? throw Source("Không tìm thấy thư mục appPackage (có manifest.json). Chạy lệnh từ thư mục gốc của kho mã hoặc dùng --source.",
                            "The appPackage folder (with manifest.json) was not found. Run from the repository root or pass --source.");
        var manifestPath = Path.Combine(sourceDir, "manifest.json");
        if (!File.Exists(manifestPath))
            throw Source($"Không có tệp {manifestPath}.", $"{manifestPath} does not exist.");

        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllText(manifestPath),
                documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })?.AsObject()
                ?? throw new JsonException("empty document");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Source($"manifest.json không phải JSON hợp lệ: {ex.Message}", $"manifest.json is not valid JSON: {ex.Message}");
        }

        var manifestVersion = manifest["manifestVersion"]?.GetValue<string>()
            ?? throw Source("manifest.json thiếu manifestVersion.", "manifest.json has no manifestVersion.");

        // 1. The app id everywhere Teams and Entra expect it.
        manifest["id"] = appId;
        if (manifest["bots"] is not JsonArray bots || bots.Count == 0)
            throw Source("manifest.json không khai báo bot (bots[]).", "manifest.json declares no bot (bots[]).");
        foreach (var bot in bots.OfType<JsonObject>()) bot["botId"] = appId;
        if (manifest["webApplicationInfo"] is JsonObject webApp)
        {
            webApp["id"] = appId;
            var resource = webApp["resource"]?.GetValue<string>();
            webApp["resource"] = string.IsNullOrEmpty(resource) ? $"api://botid-{appId}"
                : resource.Replace(PlaceholderAppId, appId, StringComparison.OrdinalIgnoreCase);
        }

        // 2. The bot's host name.
        if (domain is not null)
        {
            var domains = manifest["validDomains"] as JsonArray ?? [];
            var kept = domains.Select(d => d?.GetValue<string>()).OfType<string>()
                .Where(d => !d.Equals(PlaceholderDomain, StringComparison.OrdinalIgnoreCase) && !d.Equals(domain, StringComparison.OrdinalIgnoreCase))
                .ToList();
            kept.Add(domain);
            manifest["validDomains"] = new JsonArray(kept.Select(d => (JsonNode)JsonValue.Create(d)).ToArray());
            if (manifest["developer"] is JsonObject developer)
                foreach (var key in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
                    if (developer[key]?.GetValue<string>() is { } url)
                        developer[key] = url.Replace("//" + PlaceholderDomain, "//" + domain, StringComparison.OrdinalIgnoreCase);
            // The tab's pages and its SSO resource (api://host/botid-…) live on the bot's host as well.
            TabUrls.Rewrite(manifest, "//" + PlaceholderDomain, "//" + domain);
        }
        if (version is not null) manifest["version"] = version;

        // 3. Files the manifest refers to: icons and localization files, all relative to the manifest.
        var files = new List<(string EntryName, string FullPath)>();
        var icons = manifest["icons"] as JsonObject
            ?? throw Source("manifest.json thiếu icons.", "manifest.json has no icons.");
        var color = RequireFile(sourceDir, icons["color"]?.GetValue<string>(), "icons.color");
        var outline = RequireFile(sourceDir, icons["outline"]?.GetValue<string>(), "icons.outline");
        CheckIcon(color.FullPath, ColorIconSize, "color", requireWhiteOnTransparent: false);
        CheckIcon(outline.FullPath, OutlineIconSize, "outline", requireWhiteOnTransparent: true);
        files.Add(color);
        files.Add(outline);

        if (manifest["localizationInfo"] is JsonObject localization)
        {
            var localizationFiles = new List<string?>();
            if (localization["defaultLanguageFile"]?.GetValue<string>() is { } defaultFile) localizationFiles.Add(defaultFile);
            if (localization["additionalLanguages"] is JsonArray languages)
                localizationFiles.AddRange(languages.OfType<JsonObject>().Select(l => l["file"]?.GetValue<string>()));
            foreach (var file in localizationFiles)
            {
                var entry = RequireFile(sourceDir, file, "localizationInfo");
                CheckLocalizationFile(entry.FullPath, manifestVersion);
                files.Add(entry);
            }
        }

        var text = manifest.ToJsonString(JsonOut);
        if (text.Contains(PlaceholderAppId, StringComparison.OrdinalIgnoreCase))
            throw Source($"manifest.json vẫn còn mã giữ chỗ {PlaceholderAppId} ở một trường không được thay.",
                         $"manifest.json still contains the placeholder {PlaceholderAppId} in a field the package step does not replace.");

        // 4. The zip: entries at the root, fixed timestamps (same input → same bytes), written to a temp file then moved.
        var outPath = Path.GetFullPath(request.OutputPath ?? Path.Combine(sourceDir, "build", "TeamsPlans.zip"));
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        var tmp = outPath + ".tmp";
        var entries = new List<string>();
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            WriteEntry(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(text));
            entries.Add("manifest.json");
            foreach (var (name, full) in files.DistinctBy(f => f.EntryName, StringComparer.OrdinalIgnoreCase))
            {
                WriteEntry(zip, name, File.ReadAllBytes(full));
                entries.Add(name);
            }
        }
        File.Move(tmp, outPath, overwrite: true);
        return new AppPackageResult(outPath, appId, domain, manifest["version"]?.GetValue<string>() ?? "", entries);
    }

    private static readonly JsonSerializerOptions JsonOut = new()
    {
        WriteIndented = true,
        // Vietnamese text stays readable in the packaged manifest.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void WriteEntry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var s = entry.Open();
        s.Write(content);
    }

    private static (string EntryName, string FullPath) RequireFile(string sourceDir, string? relative, string field)
    {
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative) || relative.Contains("..", StringComparison.Ordinal))
            throw Source($"{field}: đường dẫn \"{relative}\" phải là tên tệp tương đối trong appPackage.",
                $"{field}: \"{relative}\" must be a relative file name inside appPackage.");
        var full = Path.GetFullPath(Path.Combine(sourceDir, relative));
        if (!File.Exists(full))
            throw Source($"{field}: không có tệp {relative} trong {sourceDir}.", $"{field}: file {relative} is missing in {sourceDir}.");
        return (relative.Replace('\\', '/'), full);
    }

    private static void CheckIcon(string path, int size, string kind, bool requireWhiteOnTransparent)
    {
        PngImage png;
        try
        {
            png = PngImage.Read(File.ReadAllBytes(path));
        }
        catch (InvalidDataException ex)
        {
            throw Source($"Biểu tượng {kind} ({Path.GetFileName(path)}) không phải PNG hợp lệ: {ex.Message}",
                $"The {kind} icon ({Path.GetFileName(path)}) is not a valid PNG: {ex.Message}");
        }
        if (png.Width != size || png.Height != size)
            throw Source($"Biểu tượng {kind} phải {size}x{size} điểm ảnh, tệp {Path.GetFileName(path)} là {png.Width}x{png.Height}.",
                         $"The {kind} icon must be {size}x{size} pixels; {Path.GetFileName(path)} is {png.Width}x{png.Height}.");
        if (requireWhiteOnTransparent)
        {
            if (!png.HasAlpha)
                throw Source($"Biểu tượng {kind} phải có nền trong suốt (PNG có kênh alpha).",
                    $"The {kind} icon must have a transparent background (PNG with alpha).");
            if (png.Pixels is { } pixels)
            {
                for (var i = 0; i < pixels.Length; i += 4)
                {
                    if (pixels[i + 3] != 0 && (pixels[i] != 255 || pixels[i + 1] != 255 || pixels[i + 2] != 255))
                        throw Source($"Biểu tượng {kind} chỉ được có màu trắng trên nền trong suốt (điểm ảnh " +
                            $"{i / 4 % png.Width},{i / 4 / png.Width} có màu khác).",
                                     $"The {kind} icon must be white on transparent only (pixel {i / 4 % png.Width},{i / 4 / png.Width} has " +
                                         "another colour).");
                }
                if (!Enumerable.Range(0, pixels.Length / 4).Any(p => pixels[p * 4 + 3] == 0))
                    throw Source($"Biểu tượng {kind} phải có nền trong suốt.", $"The {kind} icon must have a transparent background.");
            }
        }
    }

    private static void CheckLocalizationFile(string path, string manifestVersion)
    {
        JsonObject doc;
        try
        {
            doc = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new JsonException("empty document");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Source($"Tệp ngôn ngữ {Path.GetFileName(path)} không phải JSON hợp lệ: {ex.Message}",
                $"Localization file {Path.GetFileName(path)} is not valid JSON: {ex.Message}");
        }
        foreach (var key in new[] { "name.short", "name.full", "description.short", "description.full" })
            if (string.IsNullOrWhiteSpace(doc[key]?.GetValue<string>()))
                throw Source($"Tệp ngôn ngữ {Path.GetFileName(path)} thiếu \"{key}\".",
                    $"Localization file {Path.GetFileName(path)} lacks \"{key}\".");
        // Teams: the localization file's schema version must match the manifest's.
        var schema = doc["$schema"]?.GetValue<string>() ?? "";
        if (!schema.Contains($"/v{manifestVersion}/", StringComparison.OrdinalIgnoreCase))
            throw Source($"Tệp ngôn ngữ {Path.GetFileName(path)} phải dùng lược đồ v{manifestVersion} như manifest.json (đang là \"{schema}\").",
                         $"Localization file {Path.GetFileName(path)} must use the v{manifestVersion} schema like manifest.json (has \"{schema}\").");
    }

    private static AppPackageException BadArgument(string vi, string en) => new(ExitBadArgument, vi, en);
    private static AppPackageException Source(string vi, string en) => new(ExitBadSource, vi, en);
}
