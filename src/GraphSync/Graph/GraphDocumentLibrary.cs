using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Graph;

/// <summary>
/// SharePoint document libraries through Graph: "Kế hoạch" (plan documents, columns PlanNumber, Issuer, PlanYear,
/// PlanTitle, PlanStatus) and "Báo cáo" (reports foldered "&lt;plan number&gt;/&lt;period&gt;", columns PlanNumber,
/// Assignee, Deadline, SubmittedAt). Libraries and columns are created when missing. Files go to deterministic
/// paths with conflictBehavior=replace (a retried upload replaces, never duplicates); ≤ 4 MiB by a simple PUT,
/// larger ones by an upload session in chunks that are multiples of 320 KiB.
/// </summary>
public sealed class GraphDocumentLibrary(GraphServiceClient client, IOptions<GraphSyncOptions> options, ISyncStateStore sync, TimeProvider time,
    ILogger<GraphDocumentLibrary> logger, HttpMessageHandler? uploadHandler = null)
    : IDocumentLibrary
{
    readonly GraphSyncOptions _o = options.Value;
    readonly HttpClient _upload = new(new GraphRetryHandler(time, logger) { InnerHandler = uploadHandler ?? new SocketsHttpHandler() });
    readonly GraphBatch _batch = new(client, time, logger);
    const string LibraryScope = "library";
    const string DeltaScope = "library-delta";
    const string OwnScope = "library-own";

    public static readonly (string Name, string Kind)[] PlanColumns =
        [("PlanNumber", "text"), ("Issuer", "text"), ("PlanYear", "number"), ("PlanTitle", "text"), ("PlanStatus", "text")];
    public static readonly (string Name, string Kind)[] ReportColumns =
        [("PlanNumber", "text"), ("Assignee", "text"), ("Deadline", "dateTime"), ("SubmittedAt", "dateTime")];

    string Site => _o.SiteId ?? throw new GraphSyncException("config.siteId", "Thiếu cấu hình GraphSync:SiteId (trang SharePoint của trường).",
        "GraphSync:SiteId (the school's SharePoint site) is not configured.");

    sealed record LibraryInfo(string ListId, string DriveId);

    async Task<LibraryInfo> EnsureLibraryAsync(string tenantId, string name, (string Name, string Kind)[] columns, CancellationToken ct)
    {
        var known = await sync.GetAsync(tenantId, LibraryScope, name, ct);
        if (known?.DataJson is { } j && JsonSerializer.Deserialize<LibraryInfo>(j) is { } info) return info;

        List? list = null;
        var lists = await client.Sites[Site].Lists.GetAsync(rc => rc.QueryParameters.Select = ["id", "displayName"], ct);
        while (lists is not null && list is null)
        {
            list = lists.Value?.FirstOrDefault(l => string.Equals(l.DisplayName, name, StringComparison.OrdinalIgnoreCase));
            lists = list is null && lists.OdataNextLink is { } next ? await client.Sites[Site].Lists.WithUrl(next)
                .GetAsync(cancellationToken: ct) : null;
        }
        if (list is null)
        {
            list = await client.Sites[Site].Lists.PostAsync(new List { DisplayName = name, ListProp = new ListInfo { Template = "documentLibrary" } },
                cancellationToken: ct);
            logger.LogInformation("Created document library {Library} in site {SiteId}", name, Site);
        }
        var listId = list?.Id
            ?? throw new GraphSyncException("sp.list", $"Không tạo được thư viện \"{name}\".", $"Could not create library \"{name}\".");
        var have = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var existing = await client.Sites[Site].Lists[listId].Columns.GetAsync(rc => rc.QueryParameters.Select = ["name"], ct);
        while (existing is not null)
        {
            foreach (var c in existing.Value ?? []) if (c.Name is not null) have.Add(c.Name);
            existing = existing.OdataNextLink is { } next ? await client.Sites[Site].Lists[listId].Columns.WithUrl(next)
                .GetAsync(cancellationToken: ct) : null;
        }
        foreach (var (col, kind) in columns.Where(c => !have.Contains(c.Name)))
        {
            var def = new ColumnDefinition { Name = col, DisplayName = col, EnforceUniqueValues = false, Hidden = false,
                Indexed = col == "PlanNumber" };
            switch (kind)
            {
                case "number": def.Number = new NumberColumn { DecimalPlaces = "none" }; break;
                case "dateTime": def.DateTime =
                    new DateTimeColumn { Format = col == "Deadline" ? "dateOnly" : "dateTime", DisplayAs = "standard" }; break;
                default: def.Text = new TextColumn { AllowMultipleLines = false, MaxLength = 255 }; break;
            }
            await client.Sites[Site].Lists[listId].Columns.PostAsync(def, cancellationToken: ct);
        }
        var drive = await client.Sites[Site].Lists[listId].Drive.GetAsync(rc => rc.QueryParameters.Select = ["id"], ct);
        info = new LibraryInfo(listId,
            drive?.Id ?? throw new GraphSyncException("sp.drive", $"Thư viện \"{name}\" không có ổ đĩa.", $"Library \"{name}\" has no drive."));
        await sync.PutAsync(new SyncEntry(tenantId, LibraryScope, name, info.DriveId, null, JsonSerializer.Serialize(info), time.GetUtcNow()), ct);
        return info;
    }

    public async Task<LibraryFile> UploadPlanDocumentAsync(string tenantId, string fileName, Stream content, PlanDocumentMetadata m,
        CancellationToken ct = default)
    {
        var lib = await EnsureLibraryAsync(tenantId, _o.PlanLibrary, PlanColumns, ct);
        var path = SharePointNames.FitPath(_o.PlanLibrary, LibraryPaths.PlanDocumentPath(m, fileName));
        var item = await UploadAsync(lib.DriveId, path, content, ct);
        await sync.PutAsync(new SyncEntry(tenantId, OwnScope, item.Id!, lib.DriveId, item.ETag, null, time.GetUtcNow()), ct);
        var fields = new Dictionary<string, object?>
        {
            ["PlanNumber"] = m.PlanNumber, ["Issuer"] = m.Issuer, ["PlanYear"] = m.PlanYear, ["PlanTitle"] = m.Title, ["PlanStatus"] = m.Status,
        };
        await SetFieldsAsync(lib.DriveId, item.Id!, fields, ct);
        logger.LogInformation("Uploaded plan document {PlanNumber} to {Path} in tenant {TenantId}", m.PlanNumber, path, tenantId);
        return ToFile(lib.DriveId, item, path, fields);
    }

    public async Task<LibraryFile> UploadReportAsync(string tenantId, string period, string fileName, Stream content, ReportMetadata m,
        CancellationToken ct = default)
    {
        var lib = await EnsureLibraryAsync(tenantId, _o.ReportLibrary, ReportColumns, ct);
        var path = SharePointNames.FitPath(_o.ReportLibrary, LibraryPaths.ReportPath(m.PlanNumber, period, fileName));
        var item = await UploadAsync(lib.DriveId, path, content, ct);
        var fields = new Dictionary<string, object?>
        {
            ["PlanNumber"] = m.PlanNumber, ["Assignee"] = m.Assignee,
            ["Deadline"] = m.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["SubmittedAt"] = m.SubmittedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        await SetFieldsAsync(lib.DriveId, item.Id!, fields, ct);
        logger.LogInformation("Uploaded report {Path} for plan {PlanNumber} in tenant {TenantId}", path, m.PlanNumber, tenantId);
        return ToFile(lib.DriveId, item, path, fields);
    }

    static LibraryFile ToFile(string driveId, DriveItem item, string path, IReadOnlyDictionary<string, object?> fields) =>
        new($"{driveId}|{item.Id}", item.Name ?? Path.GetFileName(path), path, item.WebUrl ?? "", item.Size ?? 0,
            fields.ToDictionary(kv => kv.Key, kv => kv.Value is null ? null : Convert.ToString(kv.Value, CultureInfo.InvariantCulture)));

    Task SetFieldsAsync(string driveId, string itemId, Dictionary<string, object?> fields, CancellationToken ct)
    {
        var fv = new FieldValueSet();
        foreach (var (k, v) in fields) if (v is not null) fv.AdditionalData[k] = v;
        // PATCH /drives/{drive}/items/{item}/listItem/fields — the list item behind the drive item, no lookup needed.
        var ri = new Microsoft.Kiota.Abstractions.RequestInformation
        {
            HttpMethod = Microsoft.Kiota.Abstractions.Method.PATCH,
            URI = new Uri($"{client.RequestAdapter.BaseUrl!.TrimEnd('/')}/drives/{Uri.EscapeDataString(driveId)}"
                + $"/items/{Uri.EscapeDataString(itemId)}/listItem/fields"),
        };
        ri.Headers.Add("Accept", "application/json");
        ri.SetContentFromParsable(client.RequestAdapter, "application/json", fv);
        return client.RequestAdapter.SendAsync(ri, FieldValueSet.CreateFromDiscriminatorValue, cancellationToken: ct);
    }

    async Task<DriveItem> UploadAsync(string driveId, string path, Stream content, CancellationToken ct)
    {
        var baseUrl = client.RequestAdapter.BaseUrl!.TrimEnd('/');
        var encoded = LibraryPaths.EncodeForGraph(path);
        long length;
        Stream source = content;
        if (!content.CanSeek) { var ms = new MemoryStream(); await content.CopyToAsync(ms, ct); ms.Position = 0; source = ms; }
        length = source.Length - source.Position;
        if (length <= _o.SimpleUploadLimit)
        {
            var url = $"{baseUrl}/drives/{driveId}/root:/{encoded}:/content?@microsoft.graph.conflictBehavior=replace";
            return await client.Drives[driveId].Items["root"].Content.WithUrl(url).PutAsync(source, cancellationToken: ct)
                   ?? throw new GraphSyncException("sp.upload", $"Tải lên \"{path}\" không thành công.", $"Upload of \"{path}\" failed.");
        }
        if (_o.UploadChunkSize % (320 * 1024) != 0)
            throw new GraphSyncException("config.chunk", "Kích thước khối tải lên phải là bội số của 320 KiB.",
                "The upload chunk size must be a multiple of 320 KiB.");
        var sessionUrl = $"{baseUrl}/drives/{driveId}/root:/{encoded}:/createUploadSession";
        var body = new CreateUploadSessionPostRequestBody
        {
            Item = new DriveItemUploadableProperties { AdditionalData = { ["@microsoft.graph.conflictBehavior"] = "replace" } },
        };
        var session = await client.Drives[driveId].Items["root"].CreateUploadSession.WithUrl(sessionUrl).PostAsync(body, cancellationToken: ct)
                      ?? throw new GraphSyncException("sp.session", "Không tạo được phiên tải lên.", "Could not create the upload session.");
        var start = source.Position;
        var buffer = new byte[_o.UploadChunkSize];
        long offset = 0;
        var resumes = 0;
        while (true)
        {
            var size = (int)Math.Min(buffer.Length, length - offset);
            source.Position = start + offset;
            var read = 0;
            while (read < size) { var n = await source.ReadAsync(buffer.AsMemory(read, size - read), ct); if (n == 0) break; read += n; }
            using var req = new HttpRequestMessage(HttpMethod.Put, session.UploadUrl) { Content = new ByteArrayContent(buffer, 0, read) };
            req.Content.Headers.ContentLength = read;
            req.Content.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + read - 1, length);
            using var resp = await _upload.SendAsync(req, ct);
            var text = await resp.Content.ReadAsStringAsync(ct);
            if (resp.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                return await Microsoft.Kiota.Abstractions.Serialization.KiotaJsonSerializer.DeserializeAsync(text,
                    DriveItem.CreateFromDiscriminatorValue, ct)
                       ?? throw new GraphSyncException("sp.upload", "Phản hồi tải lên không hợp lệ.", "Invalid upload response.");
            if (resp.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && resumes++ < 3)
            {
                // The fragment (or part of it) is already there — e.g. it was stored and then answered 503/504, and
                // re-sent. Ask the session which bytes it still expects and go on from there instead of restarting.
                using var status = await _upload.GetAsync(session.UploadUrl, ct);
                if (!status.IsSuccessStatusCode)
                    throw new GraphSyncException("sp.upload", $"Phiên tải lên \"{path}\" không còn ({(int)status.StatusCode}).",
                        $"The upload session of \"{path}\" is gone ({(int)status.StatusCode}).");
                using var st = JsonDocument.Parse(await status.Content.ReadAsStringAsync(ct));
                offset = NextExpected(st.RootElement);
                logger.LogWarning("Upload of {Path}: fragment already stored (416); resuming at byte {Offset}", path, offset);
                continue;
            }
            if (resp.StatusCode != HttpStatusCode.Accepted)
                throw new GraphSyncException("sp.upload", $"Tải lên \"{path}\" lỗi {(int)resp.StatusCode}.",
                    $"Upload of \"{path}\" failed with {(int)resp.StatusCode}.");
            using var doc = JsonDocument.Parse(text);
            offset = NextExpected(doc.RootElement);
        }
    }

    /// <summary>The first byte of the first range in nextExpectedRanges ("12345-" or "12345-67890").</summary>
    static long NextExpected(JsonElement session)
    {
        var next = session.GetProperty("nextExpectedRanges")[0].GetString()!;
        return long.Parse(next.Split('-')[0], CultureInfo.InvariantCulture);
    }

    public async Task<DiscoveredDocuments> PeekNewPlanDocumentsAsync(string tenantId, CancellationToken ct = default)
    {
        var lib = await EnsureLibraryAsync(tenantId, _o.PlanLibrary, PlanColumns, ct);
        var cursor = await sync.GetAsync(tenantId, DeltaScope, lib.DriveId, ct);
        var delta = client.Drives[lib.DriveId].Items["root"].Delta;
        Microsoft.Graph.Drives.Item.Items.Item.Delta.DeltaGetResponse? page;
        try
        {
            page = cursor?.ETag is { } link ? await delta.WithUrl(link).GetAsDeltaGetResponseAsync(cancellationToken: ct)
                : await delta.GetAsDeltaGetResponseAsync(cancellationToken: ct);
        }
        catch (Microsoft.Kiota.Abstractions.ApiException ex) when (ex.ResponseStatusCode == 410 && cursor is not null)
        {
            // The delta token expired (410 Gone, resyncRequired): enumerate again from the start; the inbox's idempotency
            // keys (item id + version) keep already imported documents from being imported twice.
            logger.LogWarning("Drive delta token of tenant {TenantId} expired; resynchronising the plan library", tenantId);
            page = await delta.GetAsDeltaGetResponseAsync(cancellationToken: ct);
        }
        var found = new Dictionary<string, DriveItem>();
        string? deltaLink = null;
        while (page is not null)
        {
            foreach (var item in page.Value ?? [])
            {
                if (item.Id is null) continue;
                if (item.Deleted is not null || item.File is null) { found.Remove(item.Id); continue; }
                found[item.Id] = item;
            }
            if (page.OdataNextLink is { } next) page = await delta.WithUrl(next).GetAsDeltaGetResponseAsync(cancellationToken: ct);
            else { deltaLink = page.OdataDeltaLink; page = null; }
        }
        var candidates = new List<DriveItem>();
        foreach (var item in found.Values)
        {
            // Our own uploads are already imported; anything else dropped in the library is new.
            var own = await sync.GetAsync(tenantId, OwnScope, item.Id!, ct);
            if (own is null) candidates.Add(item);
        }
        // The version of a plan document is its content: the cTag. SharePoint's delta does not return cTag, and its eTag
        // also moves when a column is edited, so the cTag is read with a GET of each changed item ($batch, 20 a trip).
        var needTag = candidates.Where(i => i.CTag is null).ToList();
        var tags = new Dictionary<string, string?>();
        if (needTag.Count > 0)
        {
            var read = await _batch.SendAsync(needTag.Select(i => (Func<Microsoft.Kiota.Abstractions.RequestInformation>)(() =>
                client.Drives[lib.DriveId].Items[i.Id].ToGetRequestInformation(rc => rc.QueryParameters.Select = ["id", "cTag", "eTag"])))
                    .ToList(), ct);
            for (var k = 0; k < needTag.Count; k++)
            {
                var r = read[k];
                if (r.Status == 404) { tags[needTag[k].Id!] = null; continue; } // deleted since the delta page
                if (!r.Success) throw new GraphSyncException("sp.item", $"Không đọc được phiên bản của \"{needTag[k].Name}\": " +
                    $"{r.Status} {r.ErrorMessage}", $"Could not read the version of \"{needTag[k].Name}\": {r.Status} {r.ErrorMessage}");
                tags[needTag[k].Id!] = r.Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("cTag", out var c) ? c.GetString() : null;
            }
        }
        var result = new List<LibraryFile>();
        foreach (var item in candidates)
        {
            var ctag = item.CTag ?? tags.GetValueOrDefault(item.Id!);
            if (ctag is null) continue; // deleted since the delta page (404): nothing to import
            result.Add(new LibraryFile($"{lib.DriveId}|{item.Id}", item.Name ?? "", item.Name ?? "", item.WebUrl ?? "", item.Size ?? 0,
                new Dictionary<string, string?>())
            { Version = ctag });
        }
        logger.LogInformation("Drive delta for tenant {TenantId}: {Count} new plan documents", tenantId, result.Count);
        return new DiscoveredDocuments(result,
            deltaLink is null ? null : new SyncEntry(tenantId, DeltaScope, lib.DriveId, lib.DriveId, deltaLink, null, time.GetUtcNow()));
    }

    public async Task CommitDiscoveryAsync(string tenantId, DiscoveredDocuments discovered, CancellationToken ct = default)
    {
        if (discovered.Cursor is { } c) await sync.PutAsync(c with { UpdatedAt = time.GetUtcNow() }, ct);
    }

    static (string Drive, string Item) Split(string id)
    {
        var i = id.IndexOf('|');
        if (i <= 0) throw new GraphSyncException("sp.id", $"Mã tệp không hợp lệ: {id}.", $"Invalid file id: {id}.");
        return (id[..i], id[(i + 1)..]);
    }

    public async Task<Stream> OpenAsync(string tenantId, LibraryFile file, CancellationToken ct = default)
    {
        var (d, i) = Split(file.Id);
        return await client.Drives[d].Items[i].Content.GetAsync(cancellationToken: ct)
               ?? throw new GraphSyncException("sp.open", $"Không mở được tệp {file.Name}.", $"Could not open {file.Name}.");
    }

    public async Task<string> GetLinkAsync(string tenantId, string fileId, CancellationToken ct = default)
    {
        var (d, i) = Split(fileId);
        var item = await client.Drives[d].Items[i].GetAsync(rc => rc.QueryParameters.Select = ["id", "webUrl"], ct);
        return item?.WebUrl ?? throw new GraphSyncException("sp.link", "Tệp không có liên kết.", "The file has no link.");
    }
}
