using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Local;

/// <summary>
/// The embedded equivalent of the SharePoint libraries: a folder per tenant with "Kế hoạch" and "Báo cáo" subfolders,
/// metadata in a JSON sidecar ("file.ext.meta.json"), discovery by an mtime/size scan against a cursor persisted in the
/// state store. Same deterministic paths as the Graph library; an upload replaces (write to temp + move).
/// </summary>
public sealed class LocalDocumentLibrary : IDocumentLibrary
{
    readonly GraphSyncOptions _o;
    readonly LocalLibraryFolder _folder;
    readonly ISyncStateStore sync;
    readonly TimeProvider time;
    readonly ILogger<LocalDocumentLibrary> logger;
    const string Sidecar = ".meta.json";
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The library in <paramref name="folder"/> (the one rule of <see cref="LocalLibraryFolder"/>).</summary>
    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public LocalDocumentLibrary(LocalLibraryFolder folder, IOptions<GraphSyncOptions> options, ISyncStateStore sync, TimeProvider time,
        ILogger<LocalDocumentLibrary> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _o = options.Value;
        _folder = folder;
        this.sync = sync;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The library in GraphSync:LocalRoot as given (relative to the working directory).</summary>
    public LocalDocumentLibrary(IOptions<GraphSyncOptions> options, ISyncStateStore sync, TimeProvider time, ILogger<LocalDocumentLibrary> logger)
        : this(new LocalLibraryFolder(options.Value.LocalRoot, options.Value.PlanLibrary, options.Value.ReportLibrary), options, sync, time, logger)
    {
    }

    /// <summary>Where this library keeps its files.</summary>
    public LocalLibraryFolder Folder => _folder;

    string Root(string tenantId, string library)
    {
        var dir = _folder.LibraryFolder(tenantId, library);
        Directory.CreateDirectory(dir);
        return dir;
    }

    sealed record Meta(bool Own, Dictionary<string, string?> Fields);

    async Task<LibraryFile> WriteAsync(string tenantId, string library, string relPath, Stream content, Dictionary<string, string?> fields, bool own,
        CancellationToken ct)
    {
        var root = Root(tenantId, library);
        var full = Path.Combine(root, relPath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        await using (var f = File.Create(tmp)) await content.CopyToAsync(f, ct);
        File.Move(tmp, full, overwrite: true);
        await File.WriteAllTextAsync(full + Sidecar, JsonSerializer.Serialize(new Meta(own, fields), Json), ct);
        var info = new FileInfo(full);
        logger.LogInformation("Stored {Path} in local library {Library} for tenant {TenantId}", relPath, library, tenantId);
        return new LibraryFile($"{library}|{relPath}", info.Name, relPath, new Uri(full).AbsoluteUri, info.Length, fields);
    }

    public Task<LibraryFile> UploadPlanDocumentAsync(string tenantId, string fileName, Stream content, PlanDocumentMetadata m,
        CancellationToken ct = default) =>
        WriteAsync(tenantId, _o.PlanLibrary, LibraryPaths.PlanDocumentPath(m, fileName), content, new()
        {
            ["PlanNumber"] = m.PlanNumber, ["Issuer"] = m.Issuer, ["PlanYear"] = m.PlanYear?.ToString(CultureInfo.InvariantCulture),
                ["PlanTitle"] = m.Title, ["PlanStatus"] = m.Status,
        }, own: true, ct);

    public Task<LibraryFile> UploadReportAsync(string tenantId, string period, string fileName, Stream content, ReportMetadata m,
        CancellationToken ct = default) =>
        WriteAsync(tenantId, _o.ReportLibrary, LibraryPaths.ReportPath(m.PlanNumber, period, fileName), content, new()
        {
            ["PlanNumber"] = m.PlanNumber, ["Assignee"] = m.Assignee,
            ["Deadline"] = m.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["SubmittedAt"] = m.SubmittedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }, own: false, ct);

    public async Task<DiscoveredDocuments> PeekNewPlanDocumentsAsync(string tenantId, CancellationToken ct = default)
    {
        var root = Root(tenantId, _o.PlanLibrary);
        var cursor = await sync.GetAsync(tenantId, "local-delta", _o.PlanLibrary, ct);
        var seen = cursor?.DataJson is { } j ? JsonSerializer.Deserialize<Dictionary<string, string>>(j) ?? [] : [];
        var now = new Dictionary<string, string>();
        var result = new List<LibraryFile>();
        foreach (var full in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (full.EndsWith(Sidecar, StringComparison.Ordinal) || full.Contains(".tmp-", StringComparison.Ordinal)) continue;
            var info = new FileInfo(full);
            var rel = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
            var stamp = $"{info.Length}:{info.LastWriteTimeUtc.Ticks}";
            now[rel] = stamp;
            if (seen.TryGetValue(rel, out var old) && old == stamp) continue;
            Meta? meta = File.Exists(full + Sidecar) ? JsonSerializer.Deserialize<Meta>(await File.ReadAllTextAsync(full + Sidecar, ct)) : null;
            if (meta?.Own == true) continue;
            result.Add(new LibraryFile($"{_o.PlanLibrary}|{rel}", info.Name, rel, new Uri(full).AbsoluteUri, info.Length,
                meta?.Fields ?? []) { Version = stamp });
        }
        return new DiscoveredDocuments(result,
            new SyncEntry(tenantId, "local-delta", _o.PlanLibrary, root, null, JsonSerializer.Serialize(now), time.GetUtcNow()));
    }

    public async Task CommitDiscoveryAsync(string tenantId, DiscoveredDocuments discovered, CancellationToken ct = default)
    {
        if (discovered.Cursor is { } c) await sync.PutAsync(c with { UpdatedAt = time.GetUtcNow() }, ct);
    }

    string FullPath(string tenantId, string id)
    {
        var i = id.IndexOf('|');
        if (i <= 0) throw new GraphSyncException("local.id", $"Mã tệp không hợp lệ: {id}.", $"Invalid file id: {id}.");
        var root = Root(tenantId, id[..i]);
        var full = Path.GetFullPath(Path.Combine(root, id[(i + 1)..]));
        if (!full.StartsWith(root, StringComparison.Ordinal)) throw new GraphSyncException("local.id", "Đường dẫn nằm ngoài thư viện.",
            "Path outside the library.");
        return full;
    }

    public Task<Stream> OpenAsync(string tenantId, LibraryFile file, CancellationToken ct = default) =>
        Task.FromResult<Stream>(File.OpenRead(FullPath(tenantId, file.Id)));

    public Task<string> GetLinkAsync(string tenantId, string fileId, CancellationToken ct = default)
    {
        var full = FullPath(tenantId, fileId);
        if (!File.Exists(full)) throw new GraphSyncException("local.missing", "Không tìm thấy tệp.", "File not found.");
        return Task.FromResult(new Uri(full).AbsoluteUri);
    }
}
