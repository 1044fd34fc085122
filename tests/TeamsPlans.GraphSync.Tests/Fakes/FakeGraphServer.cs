using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeamsPlans.GraphSync.Tests.Fakes;

/// <summary>One request the fake received: top-level, or a sub-request of a $batch (InBatch, with the batch's sequence).</summary>
public sealed record RecordedRequest(int Seq, string Method, string Path, string? Body, string? IfMatch, bool InBatch, int? BatchSeq, int Status)
{
    public override string ToString() => (InBatch ? "  " : "") + $"{Method} {Path}";
}

/// <summary>
/// A local HTTP server (Kestrel, 127.0.0.1:0) that behaves as Microsoft Graph v1.0 documents for what TeamsPlans uses:
/// Planner plans/buckets/tasks/details with @odata.etag and If-Match (412 on mismatch, 400 without), Prefer:
/// return=representation, paging by @odata.nextLink, JSON $batch (≤ 20, per-request status, 429 + Retry-After per
/// response), SharePoint lists/columns/drives, PUT by path with conflictBehavior, upload sessions (Content-Range,
/// 202 + nextExpectedRanges, 201 at the end, 320 KiB multiples), listItem fields, drive delta with tokens,
/// users and groups. Every request is recorded. Shared by the tests and the benchmark.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly object _lock = new();
    int _seq, _ids;
    public string Root { get; private set; } = "";
    public string BaseUrl => Root + "/v1.0";
    public List<RecordedRequest> Requests { get; } = [];
    public int PageSize { get; set; } = 100;
    // Planner limits (learn.microsoft.com/office365/planner/planner-limits), with the documented 403 error codes.
    public int PlansPerGroupLimit { get; set; } = 200;
    public int ActiveTasksPerPlanLimit { get; set; } = 2400;
    public int ReferencesPerTaskLimit { get; set; } = 10;
    /// <summary>The site's server-relative path, counted in SharePoint's 400-character decoded path limit.</summary>
    public string SitePath { get; set; } = "sites/thpt-nguyen-binh-khiem-ba-dinh-ha-noi";

    static readonly System.Text.RegularExpressions.Regex ReservedName = new(@"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$|^\.lock$|^desktop\.ini$|^~\$|_vti_", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>SharePoint's naming rules: reserved names and the 400-character limit on the entire decoded path.</summary>
    Resp? RefusedPath(string driveId, string path)
    {
        var bad = path.Split('/').FirstOrDefault(seg => ReservedName.IsMatch(seg));
        if (bad is not null) return Error(400, "invalidRequest", $"The name '{bad}' is not allowed in SharePoint.");
        var library = Lists.Values.FirstOrDefault(l => l.DriveId == driveId)?.Name ?? "";
        var full = $"{SitePath}/{library}/{path}";
        return full.Length > 400 ? Error(400, "invalidRequest", $"The decoded path is {full.Length} characters; at most 400 are allowed.") : null;
    }
    public DateTimeOffset Now { get; set; } = new(2024, 3, 1, 1, 0, 0, TimeSpan.Zero);

    // ---- state ----
    /// <summary>
    /// A Planner entity with its change history: which properties (and which keys of assignments/checklist/references)
    /// each version changed, so a write with an older ETag is accepted when it touches none of them and answered 409
    /// when it does (Planner resource versioning); an ETag this entity never had is answered 412.
    /// </summary>
    public sealed class Entity { public required string Id; public int Version = 1; public JsonObject Json = new(); public string Kind = ""; public List<(int Version, string[] Keys)> History = []; }
    public readonly Dictionary<string, Entity> Plans = [], Buckets = [], Tasks = [], Details = [];
    public readonly Dictionary<string, string> PlanGroup = [];
    public readonly List<JsonObject> Users = [];
    public readonly Dictionary<string, (string Name, List<string> Members)> Groups = [];
    public sealed class SpList { public required string Id; public required string Name; public required string DriveId; public List<JsonObject> Columns = []; }
    public readonly Dictionary<string, SpList> Lists = [];
    /// <summary>
    /// A drive item. Content changes move both the cTag (ContentVersion) and the eTag (ItemVersion); a list-item field
    /// edit moves only the eTag — and, as on SharePoint, shows up in the drive delta.
    /// </summary>
    public sealed class DriveFile { public required string Id; public required string DriveId; public required string Path; public byte[] Content = []; public JsonObject Fields = new(); public int Change; public bool Deleted; public int ContentVersion; public int ItemVersion; }
    public readonly Dictionary<string, DriveFile> Files = [];
    readonly Dictionary<string, int> _driveChange = [];
    sealed class Session { public required string DriveId; public required string Path; public long Total = -1; public MemoryStream Data = new(); public string ConflictBehavior = "fail"; }
    readonly Dictionary<string, Session> _sessions = [];

    // ---- fault injection ----
    sealed record Throttle(Func<string, string, bool, bool> Match, int RetryAfter) { public int Remaining; }
    readonly List<Throttle> _throttles = [];
    /// <summary>The next <paramref name="count"/> requests matching (method, path, inBatch) get 429 with Retry-After.</summary>
    public void ThrottleNext(Func<string, string, bool, bool> match, int count, int retryAfterSeconds)
    {
        lock (_lock) _throttles.Add(new Throttle(match, retryAfterSeconds) { Remaining = count });
    }

    sealed record Fault(Func<string, string, bool, bool> Match, int Status) { public int Skip; public int Remaining; }
    readonly List<Fault> _faults = [];
    /// <summary>
    /// "Act, then answer 504": the next <paramref name="count"/> requests matching (method, path, inBatch), after the
    /// first <paramref name="skip"/> of them, are carried out and then answered with <paramref name="status"/> — the
    /// caller cannot tell whether the service acted (Graph documents 503/504 as possible after processing).
    /// </summary>
    public void FailAfterActing(Func<string, string, bool, bool> match, int count, int status = 504, int skip = 0)
    {
        lock (_lock) _faults.Add(new Fault(match, status) { Remaining = count, Skip = skip });
    }

    Resp AfterActing(string method, string path, bool inBatch, Resp acted)
    {
        lock (_lock)
        {
            var f = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Match(method, path, inBatch));
            if (f is null) return acted;
            if (f.Skip > 0) { f.Skip--; return acted; }
            f.Remaining--;
            return Error(f.Status, f.Status == 504 ? "GatewayTimeout" : "ServiceUnavailable", "The service did not answer in time.");
        }
    }

    public FakeGraphServer()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.Logging.ClearProviders();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        b.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 200 * 1024 * 1024);
        _app = b.Build();
        _app.Run(HandleAsync);
    }

    public static async Task<FakeGraphServer> StartAsync()
    {
        var s = new FakeGraphServer();
        await s._app.StartAsync();
        var addr = s._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        s.Root = addr.TrimEnd('/');
        return s;
    }

    public async ValueTask DisposeAsync() { await _app.StopAsync(); await _app.DisposeAsync(); }

    // ---- views for assertions ----
    /// <summary>Everything that reached the Graph API (batch envelopes excluded, sub-requests included).</summary>
    public List<RecordedRequest> Operations() { lock (_lock) return Requests.Where(r => r.Path != "/$batch").ToList(); }
    public List<RecordedRequest> TopLevel() { lock (_lock) return Requests.Where(r => !r.InBatch).ToList(); }
    public List<RecordedRequest> Writes() => Operations().Where(r => r.Method != "GET").ToList();
    public void ClearLog() { lock (_lock) Requests.Clear(); }

    // ---- seeding / remote edits ----
    public string AddUser(string displayName, string? jobTitle = null, string? department = null)
    {
        lock (_lock)
        {
            var id = $"u{++_ids:0000}-0000-0000-0000-000000000000";
            Users.Add(new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = id, ["displayName"] = displayName, ["jobTitle"] = jobTitle, ["department"] = department, ["mail"] = $"{id[..5]}@school.edu.vn", ["userPrincipalName"] = $"{id[..5]}@school.edu.vn" });
            return id;
        }
    }

    public string AddGroup(string name, params string[] memberIds)
    {
        lock (_lock) { var id = $"g{++_ids}"; Groups[id] = (name, memberIds.ToList()); return id; }
    }

    /// <summary>Group properties beyond the name (mailNickname, description, resourceProvisioningOptions) and owners.</summary>
    public readonly Dictionary<string, JsonObject> GroupProperties = [];
    public readonly Dictionary<string, List<string>> GroupOwners = [];

    /// <summary>A Microsoft 365 group with its mail nickname, owners and members (a team when <paramref name="team"/>).</summary>
    public string AddUnitGroup(string name, string mailNickname, string[] ownerIds, string[] memberIds, bool team = false, string? description = null)
    {
        var id = AddGroup(name, memberIds);
        lock (_lock)
        {
            GroupProperties[id] = new JsonObject
            {
                ["mailNickname"] = mailNickname, ["description"] = description,
                ["resourceProvisioningOptions"] = team ? new JsonArray("Team") : new JsonArray(),
            };
            GroupOwners[id] = ownerIds.ToList();
        }
        return id;
    }

    JsonObject GroupJson(string id)
    {
        var o = new JsonObject { ["id"] = id, ["displayName"] = Groups[id].Name };
        if (GroupProperties.TryGetValue(id, out var p)) foreach (var (k, v) in p) o[k] = v?.DeepClone();
        return o;
    }

    public string AddSite() => "site-1";

    JsonObject MemberJson(string id) => Groups.TryGetValue(id, out var g)
        ? new JsonObject { ["@odata.type"] = "#microsoft.graph.group", ["id"] = id, ["displayName"] = g.Name }
        : (JsonObject)Users.First(u => (string?)u["id"] == id).DeepClone();

    IEnumerable<string> Transitive(string gid, HashSet<string> seen)
    {
        if (!seen.Add(gid)) yield break;
        foreach (var m in Groups[gid].Members)
        {
            yield return m;
            if (Groups.ContainsKey(m)) foreach (var n in Transitive(m, seen)) yield return n;
        }
    }

    /// <summary>Plans someone else made in a group (to bring it to the plans-per-group limit).</summary>
    public void AddPlans(string groupId, int count)
    {
        lock (_lock)
            for (var i = 0; i < count; i++)
            {
                var e = new Entity { Id = $"plan{++_ids}", Kind = "plan", Json = new JsonObject { ["title"] = $"Kế hoạch khác {i}", ["owner"] = groupId } };
                Plans[e.Id] = e; PlanGroup[e.Id] = groupId;
            }
    }

    int _deltaEpoch;
    /// <summary>Every delta link issued so far expires: using one answers 410 Gone (resyncRequired).</summary>
    public void ExpireDeltaTokens() { lock (_lock) _deltaEpoch++; }

    /// <summary>A document library that already exists in the site, with some columns of its own.</summary>
    public string AddLibrary(string name, params string[] columns)
    {
        lock (_lock)
        {
            var l = new SpList { Id = $"list{++_ids}", Name = name, DriveId = $"b!drive{_ids}" };
            l.Columns.AddRange(new[] { "Title", "Created", "Modified", "FileLeafRef" }.Concat(columns).Select(n => new JsonObject { ["name"] = n }));
            Lists[l.Id] = l;
            return l.Id;
        }
    }

    /// <summary>Someone edits a task's details in Planner (e.g. ticks a checklist item): both ETags change, as in Planner.</summary>
    public void EditDetails(string taskId, Action<JsonObject> edit)
    {
        lock (_lock)
        {
            var d = Details[taskId]; var before = (JsonObject)d.Json.DeepClone(); edit(d.Json); Bump(d, before);
            var t = Tasks[taskId]; var tb = (JsonObject)t.Json.DeepClone();
            t.Json["activeChecklistItemCount"] = ((JsonObject)d.Json["checklist"]!).Count(kv => kv.Value?["isChecked"]?.GetValue<bool>() != true);
            Bump(t, tb);
        }
    }

    /// <summary>Someone edits a task in Planner: the ETag changes.</summary>
    public void EditTask(string taskId, Action<JsonObject> edit)
    {
        lock (_lock) { var t = Tasks[taskId]; var before = (JsonObject)t.Json.DeepClone(); edit(t.Json); Bump(t, before); }
    }

    /// <summary>Someone drops a file into a library (by list display name) through SharePoint.</summary>
    public string DropFile(string libraryName, string path, byte[] content)
    {
        lock (_lock)
        {
            var list = Lists.Values.First(l => l.Name == libraryName);
            return PutFile(list.DriveId, path, content, "replace").Id;
        }
    }

    /// <summary>Someone edits a column of a file in SharePoint (the item's eTag changes, its cTag does not).</summary>
    public void EditFields(string itemId, string column, string? value)
    {
        lock (_lock)
        {
            var f = Files[itemId];
            f.Fields[column] = value;
            f.ItemVersion++;
            f.Change = _driveChange[f.DriveId] = _driveChange.GetValueOrDefault(f.DriveId) + 1;
        }
    }

    /// <summary>Someone deletes a file in SharePoint.</summary>
    public void DeleteFile(string itemId)
    {
        lock (_lock)
        {
            var f = Files[itemId];
            f.Deleted = true;
            f.Change = _driveChange[f.DriveId] = _driveChange.GetValueOrDefault(f.DriveId) + 1;
        }
    }

    public IReadOnlyList<JsonObject> TasksOfPlan(string planId) { lock (_lock) return Tasks.Values.Where(t => (string?)t.Json["planId"] == planId).Select(View).ToList(); }
    public JsonObject TaskDetails(string taskId) { lock (_lock) return View(Details[taskId]); }
    /// <summary>A Planner plan's details (label names: categoryDescriptions).</summary>
    public JsonObject PlanDetails(string planId) { lock (_lock) return View(PlanDetailsOf(planId)); }

    readonly Dictionary<string, Entity> _planDetails = [];

    Entity PlanDetailsOf(string planId)
    {
        _ = Plans[planId];
        if (!_planDetails.TryGetValue(planId, out var d))
            _planDetails[planId] = d = new Entity { Id = planId, Kind = "planDetails", Json = new JsonObject { ["categoryDescriptions"] = new JsonObject(), ["sharedWith"] = new JsonObject() } };
        return d;
    }

    /// <summary>appliedCategories: "categoryN": true sets a label, false removes it (Planner keeps only the ones set).</summary>
    static void ApplyCategories(JsonObject task, JsonObject applied)
    {
        var current = (JsonObject)task["appliedCategories"]!;
        foreach (var (c, on) in applied)
        {
            if (c == "@odata.type") continue;
            if (on is JsonValue jv && jv.TryGetValue<bool>(out var b) && b) current[c] = true;
            else current.Remove(c);
        }
    }
    public IReadOnlyList<DriveFile> FilesIn(string libraryName) { lock (_lock) { var l = Lists.Values.First(x => x.Name == libraryName); return Files.Values.Where(f => f.DriveId == l.DriveId && !f.Deleted).ToList(); } }

    static string ETag(Entity e) => ETag(e, e.Version);
    static string ETag(Entity e, int version) => $"W/\"{Convert.ToBase64String(Encoding.UTF8.GetBytes($"{e.Kind}@{e.Id}@{version}"))}\"";

    // Properties whose value is an open object: a change is tracked per key (one assignee, one checklist item, one reference).
    static readonly HashSet<string> Keyed = ["assignments", "checklist", "references", "appliedCategories"];

    static IEnumerable<string> ChangedKeys(JsonObject before, JsonObject after)
    {
        foreach (var k in before.Select(kv => kv.Key).Union(after.Select(kv => kv.Key)))
        {
            var b = before[k]; var a = after[k];
            if (Keyed.Contains(k) && b is JsonObject bo && a is JsonObject ao)
            {
                foreach (var sk in bo.Select(kv => kv.Key).Union(ao.Select(kv => kv.Key)))
                    if (!JsonNode.DeepEquals(bo[sk], ao[sk])) yield return $"{k}/{sk}";
            }
            else if (!JsonNode.DeepEquals(b, a)) yield return k;
        }
    }

    /// <summary>A new version of the entity, remembering which properties it changed.</summary>
    static void Bump(Entity e, JsonObject before)
    {
        e.Version++;
        e.History.Add((e.Version, ChangedKeys(before, e.Json).ToArray()));
    }

    static IEnumerable<string> WrittenKeys(JsonObject body)
    {
        foreach (var (k, v) in body)
        {
            if (k == "@odata.type") continue;
            if (Keyed.Contains(k) && v is JsonObject o) foreach (var (sk, _) in o) yield return $"{k}/{sk}";
            else yield return k;
        }
    }

    /// <summary>
    /// Planner's If-Match rule: the current ETag is accepted; an older ETag of this entity is accepted when none of the
    /// properties the request writes changed since that version (else 409 Conflict); any other ETag is 412.
    /// </summary>
    static Resp? CheckIfMatch(Entity e, Dictionary<string, string> h, JsonObject body)
    {
        if (!h.TryGetValue("If-Match", out var im)) return Error(400, "MissingIfMatch", "The If-Match header is required.");
        if (im == "*" || im == ETag(e)) return null;
        var old = Enumerable.Range(1, e.Version - 1).Cast<int?>().FirstOrDefault(v => ETag(e, v!.Value) == im);
        if (old is null) return Error(412, "PreconditionFailed", "The If-Match header does not match any version of the resource.");
        var changed = e.History.Where(x => x.Version > old).SelectMany(x => x.Keys).ToHashSet(StringComparer.Ordinal);
        var clash = WrittenKeys(body).FirstOrDefault(w => changed.Any(c => c == w || c.StartsWith(w + "/", StringComparison.Ordinal) || w.StartsWith(c + "/", StringComparison.Ordinal)));
        return clash is null ? null : Error(409, "Conflict", $"The resource was changed since the given version ({clash}).");
    }
    JsonObject View(Entity e)
    {
        var o = (JsonObject)e.Json.DeepClone();
        o["@odata.etag"] = ETag(e);
        o["id"] = e.Id;
        return o;
    }

    // ---- HTTP ----
    sealed record Resp(int Status, JsonNode? Body, Dictionary<string, string>? Headers = null, byte[]? Raw = null);
    static Resp Error(int status, string code, string message) => new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "/";
        var query = ctx.Request.QueryString.Value ?? "";
        using var ms = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(ms);
        var bodyBytes = ms.ToArray();
        var headers = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Resp resp;
        int seq;
        lock (_lock) seq = ++_seq;
        if (path.StartsWith("/upload/", StringComparison.Ordinal))
            resp = ctx.Request.Method == "GET" ? UploadStatus(path["/upload/".Length..]) : AfterActing(ctx.Request.Method, "/upload", false, Upload(path["/upload/".Length..], headers, bodyBytes));
        else if (!path.StartsWith("/v1.0", StringComparison.Ordinal))
            resp = Error(404, "itemNotFound", "Unknown root");
        else
        {
            var rel = path["/v1.0".Length..];
            if (rel == "/$batch" && ctx.Request.Method == "POST")
                resp = !headers.TryGetValue("Authorization", out var a) || !a.StartsWith("Bearer ", StringComparison.Ordinal) ? Error(401, "InvalidAuthenticationToken", "Access token is empty.")
                    : Throttled("POST", "/$batch", false) is { } envelope ? envelope // the whole batch throttled: nothing in it was run
                    : AfterActing("POST", "/$batch", false, Batch(seq, bodyBytes));
            else resp = AfterActing(ctx.Request.Method, Uri.UnescapeDataString(rel), false, Dispatch(ctx.Request.Method, Uri.UnescapeDataString(rel), query, headers, bodyBytes, false));
        }
        lock (_lock) Requests.Add(new RecordedRequest(seq, ctx.Request.Method, Display(path, query), bodyBytes.Length > 0 && bodyBytes.Length < 100_000 && !path.StartsWith("/upload/") ? Encoding.UTF8.GetString(bodyBytes) : null,
            headers.GetValueOrDefault("If-Match"), false, null, resp.Status));
        ctx.Response.StatusCode = resp.Status;
        foreach (var (k, v) in resp.Headers ?? []) ctx.Response.Headers[k] = v;
        if (resp.Raw is not null) { ctx.Response.ContentType = "application/octet-stream"; await ctx.Response.Body.WriteAsync(resp.Raw); }
        else if (resp.Body is not null) { ctx.Response.ContentType = "application/json"; await ctx.Response.WriteAsync(resp.Body.ToJsonString()); }
    }

    static string Display(string path, string query)
    {
        var p = path.StartsWith("/v1.0", StringComparison.Ordinal) ? path["/v1.0".Length..] : path;
        return Uri.UnescapeDataString(p) + Uri.UnescapeDataString(query);
    }

    Resp Batch(int seq, byte[] body)
    {
        var doc = JsonNode.Parse(body)!.AsObject();
        var reqs = doc["requests"]!.AsArray();
        if (reqs.Count > 20) return Error(400, "BadRequest", "A batch can hold at most 20 requests.");
        var responses = new JsonArray();
        foreach (var r in reqs)
        {
            var id = (string)r!["id"]!;
            var method = (string)r["method"]!;
            var url = (string)r["url"]!;
            if (!url.StartsWith('/')) url = "/" + url;
            var q = url.IndexOf('?');
            var p = q >= 0 ? url[..q] : url;
            var query = q >= 0 ? url[q..] : "";
            var h = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (r["headers"] is JsonObject ho) foreach (var (k, v) in ho) h[k] = v?.ToString() ?? "";
            byte[] b = [];
            if (r["body"] is JsonNode bn)
            {
                if (bn is JsonValue && bn.GetValueKind() == JsonValueKind.String && !(h.GetValueOrDefault("Content-Type") ?? "").Contains("json")) b = Convert.FromBase64String((string)bn!);
                else b = Encoding.UTF8.GetBytes(bn.ToJsonString());
            }
            var resp = AfterActing(method, Uri.UnescapeDataString(p), true, Dispatch(method, Uri.UnescapeDataString(p), query, h, b, true));
            int sub;
            lock (_lock) { sub = ++_seq; Requests.Add(new RecordedRequest(sub, method, Uri.UnescapeDataString(p) + Uri.UnescapeDataString(query), b.Length > 0 ? Encoding.UTF8.GetString(b) : null, h.GetValueOrDefault("If-Match"), true, seq, resp.Status)); }
            var o = new JsonObject { ["id"] = id, ["status"] = resp.Status };
            var rh = new JsonObject();
            foreach (var (k, v) in resp.Headers ?? []) rh[k] = v;
            if (resp.Body is not null) rh["Content-Type"] = "application/json";
            o["headers"] = rh;
            if (resp.Body is not null) o["body"] = resp.Body.DeepClone();
            responses.Add(o);
        }
        return new Resp(200, new JsonObject { ["responses"] = responses });
    }

    Resp? Throttled(string method, string path, bool inBatch)
    {
        lock (_lock)
        {
            var t = _throttles.FirstOrDefault(t => t.Remaining > 0 && t.Match(method, path, inBatch));
            if (t is null) return null;
            t.Remaining--;
            var r = Error(429, "TooManyRequests", "Too many requests.");
            return r with { Headers = new() { ["Retry-After"] = t.RetryAfter.ToString(CultureInfo.InvariantCulture) } };
        }
    }

    Resp Dispatch(string method, string path, string query, Dictionary<string, string> headers, byte[] body, bool inBatch)
    {
        if (Throttled(method, path, inBatch) is { } thr) return thr;
        // Sub-requests of a batch are authorized by the envelope.
        if (!inBatch && (!headers.TryGetValue("Authorization", out var auth) || !auth.StartsWith("Bearer ", StringComparison.Ordinal)))
            return Error(401, "InvalidAuthenticationToken", "Access token is empty.");
        var seg = path.Trim('/').Split('/');
        var qs = ParseQuery(query);
        JsonObject? json = null;
        if (body.Length > 0 && method is "POST" or "PATCH")
        {
            try { json = JsonNode.Parse(body)?.AsObject(); } catch (JsonException) { return Error(400, "BadRequest", "Body is not JSON."); }
        }
        lock (_lock)
        {
            try { return Route(method, seg, qs, headers, body, json, path); }
            catch (KeyNotFoundException) { return Error(404, "NotFound", "The requested resource doesn't exist."); }
        }
    }

    static Dictionary<string, string> ParseQuery(string q)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in q.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var i = part.IndexOf('=');
            d[Uri.UnescapeDataString(i < 0 ? part : part[..i])] = i < 0 ? "" : Uri.UnescapeDataString(part[(i + 1)..].Replace('+', ' '));
        }
        return d;
    }

    Resp Page(IEnumerable<JsonObject> all, string basePath, Dictionary<string, string> qs, string? deltaLink = null)
    {
        var list = all.ToList();
        var skip = qs.TryGetValue("$skiptoken", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
        var top = qs.TryGetValue("$top", out var t) ? Math.Min(int.Parse(t, CultureInfo.InvariantCulture), PageSize) : PageSize;
        var page = list.Skip(skip).Take(top).ToList();
        var o = new JsonObject { ["value"] = new JsonArray(page.Select(x => (JsonNode)x.DeepClone()).ToArray()) };
        if (skip + top < list.Count)
        {
            var keep = string.Join("&", qs.Where(kv => kv.Key != "$skiptoken").Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));
            o["@odata.nextLink"] = $"{BaseUrl}{basePath}?{(keep.Length > 0 ? keep + "&" : "")}$skiptoken={skip + top}";
        }
        else if (deltaLink is not null) o["@odata.deltaLink"] = deltaLink;
        return new Resp(200, o);
    }

    Resp Route(string method, string[] seg, Dictionary<string, string> qs, Dictionary<string, string> h, byte[] raw, JsonObject? body, string path)
    {
        bool prefer = (h.GetValueOrDefault("Prefer") ?? "").Contains("return=representation", StringComparison.OrdinalIgnoreCase);
        // Addressing by path: /drives/{id}/root:/folder/file.ext:/content — the path may hold several segments.
        var byPath = System.Text.RegularExpressions.Regex.Match(path, @"^/drives/([^/]+)/root:/(.+):/(content|createUploadSession)$");
        if (byPath.Success) seg = ["drives", byPath.Groups[1].Value, "root:" + byPath.Groups[2].Value + ":", byPath.Groups[3].Value];
        switch (seg)
        {
            // ---------- Planner ----------
            case ["groups", var g, "planner", "plans"] when method == "GET":
                return Page(Plans.Values.Where(p => PlanGroup[p.Id] == g).Select(View), path, qs);
            case ["planner", "plans"] when method == "POST":
            {
                var url = (string?)body?["container"]?["url"] ?? "";
                var group = url.Split('/').Last();
                if (string.IsNullOrEmpty(group) || (string?)body?["title"] is not { Length: > 0 } title) return Error(400, "BadRequest", "container.url and title are required.");
                if (Plans.Keys.Count(p => PlanGroup[p] == group) >= PlansPerGroupLimit) return Error(403, "MaximumProjectsOwnedByUser", "The group owns the maximum number of plans.");
                var e = new Entity { Id = $"plan{++_ids}", Kind = "plan", Json = new JsonObject { ["title"] = title, ["owner"] = group, ["container"] = new JsonObject { ["containerId"] = group, ["type"] = "group", ["url"] = url }, ["createdDateTime"] = Now.ToString("o") } };
                Plans[e.Id] = e; PlanGroup[e.Id] = group;
                return new Resp(201, View(e));
            }
            case ["planner", "plans", var pid, "buckets"] when method == "GET":
                _ = Plans[pid];
                return Page(Buckets.Values.Where(b => (string?)b.Json["planId"] == pid).Select(View), path, qs);
            case ["planner", "buckets"] when method == "POST":
            {
                var pid = (string?)body?["planId"] ?? "";
                if (!Plans.ContainsKey(pid)) return Error(400, "BadRequest", "planId does not exist.");
                if (Buckets.Values.Count(b => (string?)b.Json["planId"] == pid) >= 200) return Error(403, "MaximumBucketsInProject", "The plan has the maximum number of buckets.");
                var e = new Entity { Id = $"bucket{++_ids}", Kind = "bucket", Json = new JsonObject { ["name"] = (string?)body!["name"], ["planId"] = pid, ["orderHint"] = "8585" } };
                Buckets[e.Id] = e;
                return new Resp(201, View(e));
            }
            case ["planner", "plans", var pid, "tasks"] when method == "GET":
                _ = Plans[pid];
                return Page(Tasks.Values.Where(t => (string?)t.Json["planId"] == pid).OrderBy(t => t.Id, StringComparer.Ordinal).Select(View), path, qs);
            case ["planner", "tasks"] when method == "POST":
            {
                var pid = (string?)body?["planId"] ?? "";
                if (!Plans.ContainsKey(pid)) return Error(400, "BadRequest", "planId does not exist.");
                if ((string?)body!["bucketId"] is { } bid && (!Buckets.TryGetValue(bid, out var bk) || (string?)bk.Json["planId"] != pid)) return Error(400, "BadRequest", "bucketId is not in the plan.");
                if (Tasks.Values.Count(t => (string?)t.Json["planId"] == pid) >= 9000) return Error(403, "MaximumTasksInProject", "The plan has the maximum number of tasks.");
                if (Tasks.Values.Count(t => (string?)t.Json["planId"] == pid && (int?)t.Json["percentComplete"] != 100) >= ActiveTasksPerPlanLimit && (int?)body["percentComplete"] != 100)
                    return Error(403, "MaximumActiveTasksInProject", "The plan has the maximum number of active tasks.");
                var assignments = body["assignments"] as JsonObject ?? new JsonObject();
                if (assignments.Count > 20) return Error(403, "MaximumAssigneesInTasks", "A task can have at most 20 assignees.");
                var e = new Entity { Id = $"task{++_ids:00000}", Kind = "task" };
                var a2 = new JsonObject();
                foreach (var (uid, _) in assignments) a2[uid] = new JsonObject { ["@odata.type"] = "#microsoft.graph.plannerAssignment", ["assignedDateTime"] = Now.ToString("o"), ["orderHint"] = "8585", ["assignedBy"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "app" } } };
                e.Json = new JsonObject
                {
                    ["planId"] = pid, ["bucketId"] = (string?)body["bucketId"], ["title"] = (string?)body["title"], ["orderHint"] = "8585",
                    ["percentComplete"] = (int?)body["percentComplete"] ?? 0, ["startDateTime"] = null, ["createdDateTime"] = Now.ToString("o"),
                    ["dueDateTime"] = body["dueDateTime"] is JsonNode dn ? NormalizeDate((string)dn!) : null, ["hasDescription"] = false, ["previewType"] = "automatic",
                    ["completedDateTime"] = null, ["referenceCount"] = 0, ["checklistItemCount"] = 0, ["activeChecklistItemCount"] = 0, ["priority"] = 5,
                    ["conversationThreadId"] = null, ["assignments"] = a2, ["appliedCategories"] = new JsonObject(),
                };
                if (body["appliedCategories"] is JsonObject applied) ApplyCategories(e.Json, applied);
                Tasks[e.Id] = e;
                Details[e.Id] = new Entity { Id = e.Id, Kind = "details", Json = new JsonObject { ["description"] = "", ["previewType"] = "automatic", ["references"] = new JsonObject(), ["checklist"] = new JsonObject() } };
                return new Resp(201, View(e));
            }
            case ["planner", "tasks", var tid] when method == "GET":
                return new Resp(200, View(Tasks[tid]));
            case ["planner", "tasks", var tid, "details"] when method == "GET":
                return new Resp(200, View(Details[tid]));
            case ["planner", "tasks", var tid] when method == "PATCH":
            {
                var e = Tasks[tid];
                if (CheckIfMatch(e, h, body!) is { } refused) return refused;
                var before = (JsonObject)e.Json.DeepClone();
                foreach (var (k, v) in body!)
                {
                    switch (k)
                    {
                        case "title": e.Json["title"] = (string?)v; break;
                        case "percentComplete":
                            var p = (int)v!;
                            e.Json["percentComplete"] = p;
                            e.Json["completedDateTime"] = p == 100 ? Now.ToString("o") : null;
                            break;
                        case "dueDateTime": e.Json["dueDateTime"] = v is null ? null : NormalizeDate((string)v!); break;
                        case "bucketId": e.Json["bucketId"] = (string?)v; break;
                        case "appliedCategories": ApplyCategories(e.Json, (JsonObject)v!); break;
                        case "assignments":
                            var a = (JsonObject)e.Json["assignments"]!;
                            foreach (var (uid, val) in (JsonObject)v!)
                            {
                                if (val is null) a.Remove(uid);
                                else a[uid] = new JsonObject { ["@odata.type"] = "#microsoft.graph.plannerAssignment", ["assignedDateTime"] = Now.ToString("o"), ["orderHint"] = "8585" };
                            }
                            if (a.Count > 20) return Error(403, "MaximumAssigneesInTasks", "A task can have at most 20 assignees.");
                            break;
                        case "@odata.type": break;
                        default: return Error(400, "BadRequest", $"Property {k} cannot be updated.");
                    }
                }
                Bump(e, before);
                return prefer ? new Resp(200, View(e)) : new Resp(204, null);
            }
            case ["planner", "plans", var pid, "details"] when method == "GET":
                return new Resp(200, View(PlanDetailsOf(pid)));
            case ["planner", "plans", var pid, "details"] when method == "PATCH":
            {
                var e = PlanDetailsOf(pid);
                if (CheckIfMatch(e, h, body!) is { } refused) return refused;
                var before = (JsonObject)e.Json.DeepClone();
                foreach (var (k, v) in body!)
                {
                    if (k == "categoryDescriptions" && v is JsonObject names)
                    {
                        foreach (var (c, n) in names)
                            if (c != "@odata.type") ((JsonObject)e.Json["categoryDescriptions"]!)[c] = (string?)n;
                    }
                    else if (k != "@odata.type") return Error(400, "BadRequest", $"Property {k} cannot be updated.");
                }
                Bump(e, before);
                return prefer ? new Resp(200, View(e)) : new Resp(204, null);
            }
            case ["planner", "tasks", var tid, "details"] when method == "PATCH":
            {
                var e = Details[tid];
                if (CheckIfMatch(e, h, body!) is { } refused) return refused;
                var before = (JsonObject)e.Json.DeepClone();
                foreach (var (k, v) in body!)
                {
                    switch (k)
                    {
                        case "description": e.Json["description"] = (string?)v; break;
                        case "previewType": e.Json["previewType"] = (string?)v; break;
                        case "checklist":
                            var cl = (JsonObject)e.Json["checklist"]!;
                            foreach (var (cid, item) in (JsonObject)v!)
                            {
                                if (item is null) { cl.Remove(cid); continue; }
                                var cur = cl[cid] as JsonObject ?? new JsonObject { ["@odata.type"] = "#microsoft.graph.plannerChecklistItem", ["isChecked"] = false, ["orderHint"] = "8585" };
                                foreach (var (ik, iv) in (JsonObject)item) if (ik != "@odata.type") cur[ik] = iv?.DeepClone();
                                cl[cid] = cur;
                            }
                            if (cl.Count > 20) return Error(403, "MaximumChecklistItemsOnTask", "A task can have at most 20 checklist items.");
                            break;
                        case "references":
                            var refs = (JsonObject)e.Json["references"]!;
                            foreach (var (key, item) in (JsonObject)v!)
                            {
                                if (key.Contains('.') || key.Contains(':') || key.Contains('@') || key.Contains('#')) return Error(400, "BadRequest", $"The reference key '{key}' is not encoded.");
                                if (item is null) { refs.Remove(key); continue; }
                                var o = (JsonObject)item.DeepClone(); o["lastModifiedDateTime"] = Now.ToString("o");
                                refs[key] = o;
                            }
                            if (refs.Count > ReferencesPerTaskLimit) return Error(403, "MaximumReferencesOnTask", "A task can have at most the maximum number of references.");
                            break;
                        case "@odata.type": break;
                        default: return Error(400, "BadRequest", $"Property {k} cannot be updated.");
                    }
                }
                Bump(e, before);
                var t = Tasks[tid];
                var tb = (JsonObject)t.Json.DeepClone();
                t.Json["hasDescription"] = !string.IsNullOrEmpty((string?)e.Json["description"]);
                t.Json["checklistItemCount"] = ((JsonObject)e.Json["checklist"]!).Count;
                t.Json["referenceCount"] = ((JsonObject)e.Json["references"]!).Count;
                Bump(t, tb); // Planner: editing details changes the task's counters and its ETag.
                return prefer ? new Resp(200, View(e)) : new Resp(204, null);
            }

            // ---------- Directory ----------
            case ["users"] when method == "GET":
                return Page(Users, path, qs);
            case ["groups"] when method == "GET":
            {
                var f = qs.GetValueOrDefault("$filter") ?? "";
                // startswith(mailNickname,'dv-'): Graph's startsWith on a group's mailNickname, case-insensitive as the service is.
                const string starts = "startswith(mailNickname,'";
                if (f.StartsWith(starts, StringComparison.OrdinalIgnoreCase) && f.EndsWith("')", StringComparison.Ordinal))
                {
                    var lead = f[starts.Length..^2].Replace("''", "'");
                    return Page(Groups.Keys.Where(g => ((string?)GroupProperties.GetValueOrDefault(g)?["mailNickname"])?.StartsWith(lead, StringComparison.OrdinalIgnoreCase) == true)
                        .Order(StringComparer.Ordinal).Select(GroupJson), path, qs);
                }
                const string prefix = "displayName eq '";
                if (!f.StartsWith(prefix, StringComparison.Ordinal)) return Error(400, "BadRequest", "Unsupported filter.");
                var name = f[prefix.Length..^1].Replace("''", "'");
                return Page(Groups.Where(g => g.Value.Name == name).Select(g => new JsonObject { ["id"] = g.Key, ["displayName"] = g.Value.Name }), path, qs);
            }
            // /members is direct members only (users and nested groups); /transitiveMembers flattens nested groups.
            case ["groups", var gid, "members"] when method == "GET":
                return Page(Groups[gid].Members.Select(MemberJson), path, qs);
            case ["groups", var gid, "owners"] when method == "GET":
                return Groups.ContainsKey(gid) ? Page(GroupOwners.GetValueOrDefault(gid, []).Select(MemberJson), path, qs) : Error(404, "Request_ResourceNotFound", $"Group {gid} does not exist.");
            case ["groups", var gid, "transitiveMembers"] when method == "GET":
                return Page(Transitive(gid, []).Distinct().Select(MemberJson), path, qs);

            // ---------- SharePoint ----------
            case ["sites", _, "lists"] when method == "GET":
                return Page(Lists.Values.Select(l => new JsonObject { ["id"] = l.Id, ["displayName"] = l.Name }), path, qs);
            case ["sites", _, "lists"] when method == "POST":
            {
                var name = (string?)body?["displayName"] ?? "";
                if ((string?)body?["list"]?["template"] != "documentLibrary") return Error(400, "BadRequest", "Only document libraries here.");
                if (Lists.Values.Any(l => l.Name == name)) return Error(409, "nameAlreadyExists", "A list with that name exists.");
                var l = new SpList { Id = $"list{++_ids}", Name = name, DriveId = $"b!drive{_ids}" };
                l.Columns.AddRange(new[] { "Title", "Created", "Modified", "FileLeafRef" }.Select(n => new JsonObject { ["name"] = n }));
                Lists[l.Id] = l;
                return new Resp(201, new JsonObject { ["id"] = l.Id, ["displayName"] = l.Name, ["list"] = new JsonObject { ["template"] = "documentLibrary" } });
            }
            case ["sites", _, "lists", var lid, "columns"] when method == "GET":
                return Page(Lists[lid].Columns, path, qs);
            case ["sites", _, "lists", var lid, "columns"] when method == "POST":
            {
                var l = Lists[lid];
                var name = (string?)body?["name"] ?? "";
                if (l.Columns.Any(c => (string?)c["name"] == name)) return Error(409, "nameAlreadyExists", "Column exists.");
                var c = (JsonObject)body!.DeepClone(); c["id"] = $"col{++_ids}";
                l.Columns.Add(c);
                return new Resp(201, c);
            }
            case ["sites", _, "lists", var lid, "drive"] when method == "GET":
                return new Resp(200, new JsonObject { ["id"] = Lists[lid].DriveId, ["driveType"] = "documentLibrary" });
            case ["drives", var d, var rootPath, "content"] when method == "PUT" && rootPath.StartsWith("root:", StringComparison.Ordinal) && rootPath.EndsWith(':'):
            {
                if (raw.Length > 4 * 1024 * 1024) return Error(413, "requestEntityTooLarge", "Simple upload is limited to 4 MB; use an upload session.");
                var p = rootPath["root:".Length..^1].Trim('/');
                if (RefusedPath(d, p) is { } refusedPath) return refusedPath;
                var cb = qs.GetValueOrDefault("@microsoft.graph.conflictBehavior") ?? "fail";
                var existed = Files.Values.Any(f => f.DriveId == d && f.Path == p && !f.Deleted);
                if (existed && cb == "fail") return Error(409, "nameAlreadyExists", "The file exists.");
                var file = PutFile(d, p, raw, cb);
                return new Resp(existed ? 200 : 201, ItemJson(file));
            }
            case ["drives", var d, var rootPath, "createUploadSession"] when method == "POST" && rootPath.StartsWith("root:", StringComparison.Ordinal):
            {
                if (RefusedPath(d, rootPath["root:".Length..^1].Trim('/')) is { } refusedPath) return refusedPath;
                var sid = $"s{++_ids}";
                _sessions[sid] = new Session { DriveId = d, Path = rootPath["root:".Length..^1].Trim('/'), ConflictBehavior = (string?)body?["item"]?["@microsoft.graph.conflictBehavior"] ?? "fail" };
                return new Resp(200, new JsonObject { ["uploadUrl"] = $"{Root}/upload/{sid}", ["expirationDateTime"] = Now.AddDays(1).ToString("o"), ["nextExpectedRanges"] = new JsonArray("0-") });
            }
            case ["drives", var d, "items", var iid, "listItem", "fields"] when method == "PATCH":
            {
                var f = Files[iid];
                if (f.DriveId != d) return Error(404, "itemNotFound", "No such item.");
                var l = Lists.Values.First(x => x.DriveId == d);
                foreach (var (k, v) in body!)
                {
                    if (!l.Columns.Any(c => (string?)c["name"] == k)) return Error(400, "invalidRequest", $"Field '{k}' is not recognized");
                    f.Fields[k] = v?.DeepClone();
                }
                f.ItemVersion++; // a metadata edit changes the eTag (not the cTag) and is a change in the drive delta
                f.Change = _driveChange[d] = _driveChange.GetValueOrDefault(d) + 1;
                return new Resp(200, (JsonObject)f.Fields.DeepClone());
            }
            case ["drives", var d, "items", "root", "delta" or "delta()"] when method == "GET":
            {
                if (qs.TryGetValue("token", out var _) && qs.GetValueOrDefault("epoch") != _deltaEpoch.ToString(CultureInfo.InvariantCulture))
                    return Error(410, "resyncRequired", "The delta token has expired; resynchronize.");
                var since = qs.TryGetValue("token", out var tok) ? int.Parse(tok, CultureInfo.InvariantCulture) : 0;
                var current = _driveChange.GetValueOrDefault(d);
                var items = Files.Values.Where(f => f.DriveId == d && f.Change > since).OrderBy(f => f.Change)
                    // SharePoint / OneDrive for Business: delta items carry no cTag; deleted ones neither cTag nor name.
                    .Select(f => f.Deleted ? new JsonObject { ["id"] = f.Id, ["eTag"] = ETagOf(f), ["deleted"] = new JsonObject { ["state"] = "deleted" }, ["parentReference"] = new JsonObject { ["driveId"] = f.DriveId } } : DeltaJson(f));
                return Page(items, path, qs, $"{BaseUrl}/drives/{d}/items/root/delta?token={current}&epoch={_deltaEpoch}");
            }
            case ["drives", _, "items", var iid, "content"] when method == "GET":
                return new Resp(200, null, null, Files[iid].Content);
            case ["drives", _, "items", var iid] when method == "GET":
                return Files[iid].Deleted ? Error(404, "itemNotFound", "The resource could not be found.") : new Resp(200, ItemJson(Files[iid]));
        }
        return Error(400, "BadRequest", $"Unsupported: {method} {path}");
    }

    static string NormalizeDate(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    DriveFile PutFile(string driveId, string path, byte[] content, string conflictBehavior)
    {
        var f = Files.Values.FirstOrDefault(x => x.DriveId == driveId && x.Path == path && !x.Deleted);
        if (f is null || conflictBehavior == "rename")
        {
            f = new DriveFile { Id = $"item{++_ids}", DriveId = driveId, Path = path };
            Files[f.Id] = f;
        }
        f.Content = content;
        f.ContentVersion++; f.ItemVersion++;
        f.Change = _driveChange[driveId] = _driveChange.GetValueOrDefault(driveId) + 1;
        return f;
    }

    static string ETagOf(DriveFile f) => $"\"{{{f.Id}}},{f.ItemVersion}\"";

    JsonObject DeltaJson(DriveFile f)
    {
        var o = ItemJson(f);
        o.Remove("cTag");
        return o;
    }

    JsonObject ItemJson(DriveFile f) => new()
    {
        ["id"] = f.Id, ["name"] = f.Path.Split('/').Last(), ["size"] = f.Content.LongLength,
        ["eTag"] = ETagOf(f), ["cTag"] = $"\"c:{{{f.Id}}},{f.ContentVersion}\"",
        ["webUrl"] = $"https://school.sharepoint.com/{Uri.EscapeDataString(Lists.Values.FirstOrDefault(l => l.DriveId == f.DriveId)?.Name ?? "drive")}/{string.Join('/', f.Path.Split('/').Select(Uri.EscapeDataString))}",
        ["file"] = new JsonObject { ["mimeType"] = "application/octet-stream" },
        ["parentReference"] = new JsonObject { ["driveId"] = f.DriveId, ["path"] = "/drive/root:/" + string.Join('/', f.Path.Split('/')[..^1]) },
    };

    /// <summary>GET on an upload URL: the session's status, with the ranges the server still expects.</summary>
    Resp UploadStatus(string sid)
    {
        lock (_lock)
            return _sessions.TryGetValue(sid, out var s)
                ? new Resp(200, new JsonObject { ["expirationDateTime"] = Now.AddDays(1).ToString("o"), ["nextExpectedRanges"] = new JsonArray($"{s.Data.Length}-") })
                : Error(404, "itemNotFound", "Upload session not found.");
    }

    Resp Upload(string sid, Dictionary<string, string> h, byte[] body)
    {
        lock (_lock)
        {
            if (h.ContainsKey("Authorization")) return Error(401, "unauthenticated", "Do not send Authorization to an upload URL.");
            if (!_sessions.TryGetValue(sid, out var s)) return Error(404, "itemNotFound", "Upload session not found.");
            var cr = h.GetValueOrDefault("Content-Range") ?? "";
            var m = System.Text.RegularExpressions.Regex.Match(cr, @"^bytes (\d+)-(\d+)/(\d+)$");
            if (!m.Success) return Error(400, "invalidRange", "Content-Range is required.");
            long start = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), end = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), total = long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            if (start != s.Data.Length) return Error(416, "invalidRange", $"The range {start}-{end} does not start at the next expected byte {s.Data.Length}.");
            if (end - start + 1 != body.Length) return Error(400, "invalidRange", "Content-Range does not match the body length.");
            if (end + 1 < total && body.Length % (320 * 1024) != 0) return Error(400, "invalidRange", "Fragments must be a multiple of 320 KiB.");
            if (body.Length > 60 * 1024 * 1024) return Error(413, "invalidRange", "Fragment too large.");
            s.Total = total;
            s.Data.Write(body);
            if (s.Data.Length < total)
                return new Resp(202, new JsonObject { ["expirationDateTime"] = Now.AddDays(1).ToString("o"), ["nextExpectedRanges"] = new JsonArray($"{s.Data.Length}-") });
            _sessions.Remove(sid);
            var existed = Files.Values.Any(f => f.DriveId == s.DriveId && f.Path == s.Path && !f.Deleted);
            if (existed && s.ConflictBehavior == "fail") return Error(409, "nameAlreadyExists", "The file exists.");
            var file = PutFile(s.DriveId, s.Path, s.Data.ToArray(), s.ConflictBehavior);
            return new Resp(existed ? 200 : 201, ItemJson(file));
        }
    }
}
