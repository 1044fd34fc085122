using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>A Bot Connector stand-in on 127.0.0.1:0 (real Kestrel): records every activity the bot posts, serves rosters.</summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ids;

    /// <param name="Utf16Bytes">Size of the request body as Teams counts it (UTF-16 code units × 2).</param>
    public sealed record Post(string Method, string ConversationId, string? ActivityId, JsonObject Body, int Utf16Bytes = 0);

    public ConcurrentQueue<Post> Posts { get; } = new();
    public ConcurrentDictionary<string, List<JsonObject>> Rosters { get; } = new();
    /// <summary>Files served at {ServiceUrl}files/{name} (stands in for SharePoint download URLs); missing names give 404.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();
    public int FileDownloads;
    /// <summary>Invokes the harness has sent and not yet had answered (a file download meanwhile is a violation).</summary>
    public int InvokesInFlight;
    /// <summary>Files added with <see cref="AddFile"/>: when their download link was issued (it expires after
    /// <see cref="FileUrlLifetime"/> on <see cref="Clock"/>).</summary>
    public ConcurrentDictionary<string, DateTimeOffset> FileIssuedAt { get; } = new();
    public TimeSpan FileUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A file shared in chat: served at {ServiceUrl}files/{name} through a link that expires (as Teams' downloadUrl).</summary>
    public string AddFile(string name, byte[] content)
    {
        Files[name] = content;
        FileIssuedAt[name] = Clock.GetUtcNow();
        return ServiceUrl + "files/" + name;
    }
    /// <summary>Largest activity accepted, UTF-16 bytes of the JSON body (Teams' count); above it: 413 MessageSizeTooBig.</summary>
    public int MaxActivityBytes { get; set; } = TeamsPlans.Testing.FakeConnectorServer.DefaultMaxActivityBytes;
    /// <summary>Requests answered 413 MessageSizeTooBig.</summary>
    public int TooLarge;
    public string ServiceUrl { get; private set; } = "";
    /// <summary>How long each POST/PUT into a conversation takes on <see cref="Clock"/> (a <see cref="FakeTimeProvider"/> is
    /// moved on by it): a slow connector, to see whether the bot waits on Teams inside an invoke.</summary>
    public TimeSpan Latency { get; set; }

    public FakeTeamsConnector()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        _app = b.Build();
        // Teams counts the whole activity (UTF-16) against its message limit and answers 413 MessageSizeTooBig above it.
        _app.Use(async (ctx, next) =>
        {
            if (ctx.Request.Method is "POST" or "PUT" && ctx.Request.Path.StartsWithSegments("/v3/conversations"))
            {
                // A round trip to the Bot Connector takes time: on the fake clock it is this long.
                if (Latency > TimeSpan.Zero && Clock is FakeTimeProvider fake) fake.Advance(Latency);
                ctx.Request.EnableBuffering();
                var text = await new StreamReader(ctx.Request.Body, Encoding.UTF8, leaveOpen: true).ReadToEndAsync();
                ctx.Request.Body.Position = 0;
                ctx.Items["utf16"] = text.Length * 2;
                if (TeamsPlans.Testing.FakeConnectorServer.TooBig(text, MaxActivityBytes))
                {
                    Interlocked.Increment(ref TooLarge);
                    await TeamsPlans.Testing.FakeConnectorServer.MessageSizeTooBig().ExecuteAsync(ctx);
                    return;
                }
            }
            await next(ctx);
        });
        _app.MapPost("/v3/conversations/{conv}/activities", (HttpContext c, string conv, JsonObject body) => Record(c, "POST", conv, null, body));
        _app.MapPost("/v3/conversations/{conv}/activities/{id}", (HttpContext c, string conv, string id, JsonObject body) => Record(c, "POST", conv, id, body));
        _app.MapPut("/v3/conversations/{conv}/activities/{id}", (HttpContext c, string conv, string id, JsonObject body) => Record(c, "PUT", conv, id, body));
        _app.MapPost("/v3/conversations", (JsonObject body) =>
        {
            var member = body["members"]?[0]?["id"]?.GetValue<string>() ?? "unknown";
            CreateAttempts.AddOrUpdate(member, 1, (_, n) => n + 1);
            // The app is not installed for the member, or a Graph install has not reached the connector yet: 403.
            if (NotInstalled.ContainsKey(member)
                || (GraphInstalledAt.TryGetValue(member, out var at) && Clock.GetUtcNow() < at + InstallPropagation))
                return Results.Json(new { error = new { code = "ForbiddenOperationException", message = "Bot is not installed in user's personal scope" } }, statusCode: 403);
            Posts.Enqueue(new Post("CREATE", "", null, body));
            return Results.Json(new { id = "a:created-" + member });
        });
        _app.MapGet("/files/{name}", (string name) =>
        {
            Interlocked.Increment(ref FileDownloads);
            // An invoke has 10–15 s and the link may have expired (issue 19): a download belongs to the file's arrival or the queue.
            if (Volatile.Read(ref InvokesInFlight) > 0) Violations.Enqueue($"file '{name}' downloaded inside an invoke");
            // Teams' file.download.info downloadUrl is a short-lived pre-authenticated link: refused once it has expired.
            if (FileIssuedAt.TryGetValue(name, out var issued) && Clock.GetUtcNow() > issued + FileUrlLifetime)
                return Results.Json(new { error = new { code = "unauthenticated", message = "The download link has expired." } }, statusCode: 401);
            return Files.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound();
        });
        _app.MapGet("/v3/conversations/{conv}/members", (string conv) =>
            Results.Json(Rosters.TryGetValue(conv, out var r) ? r : new List<JsonObject>()));
    }

    /// <summary>Conversations whose new posts fail with this HTTP status: 404 ConversationNotFound (the bot opens the chat
    /// again), 403 BotDisabledByAdmin (a definite failure), others 503-like.</summary>
    public ConcurrentDictionary<string, int> FailingConversations { get; } = new();

    /// <summary>Members (Entra ids) for whom the app is not installed: CreateConversation answers 403
    /// ForbiddenOperationException, and posts into their old personal chat 403 BotNotInConversationRoster.</summary>
    public ConcurrentDictionary<string, bool> NotInstalled { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Installs made through Microsoft Graph, by member: CreateConversation answers 403 until
    /// <see cref="InstallPropagation"/> has passed on <see cref="Clock"/>.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> GraphInstalledAt { get; } = new(StringComparer.OrdinalIgnoreCase);
    public TimeSpan InstallPropagation { get; set; }
    public TimeProvider Clock { get; set; } = TimeProvider.System;
    /// <summary>CreateConversation requests (accepted or refused), per member id.</summary>
    public ConcurrentDictionary<string, int> CreateAttempts { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Personal chats of members who removed the app (posts answer 403 BotNotInConversationRoster).</summary>
    public ConcurrentDictionary<string, bool> RemovedChats { get; } = new(StringComparer.Ordinal);

    /// <summary>What Graph's POST /users/{id}/teamwork/installedApps does: the app is installed, Teams learns it later; a
    /// second install of an installed app changes nothing (Graph answers 409 Conflict).</summary>
    public void InstallThroughGraph(string aad)
    {
        NotInstalled.TryRemove(aad, out _);
        GraphInstalledAt.TryAdd(aad, Clock.GetUtcNow());
    }

    /// <summary>Cards posted with a refresh Teams does not take (userIds not "29:" MRIs or over 60), files downloaded inside an invoke: the harness fails the
    /// test when it is disposed.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Every POST/PUT into a conversation (accepted or refused), per conversation id.</summary>
    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    private IResult Record(HttpContext c, string method, string conv, string? id, JsonObject body)
    {
        Attempts.AddOrUpdate(conv, 1, (_, n) => n + 1);
        if (method == "POST" && RemovedChats.ContainsKey(conv))
            return Results.Json(new { error = new { code = "BotNotInConversationRoster", message = "The bot is not part of the conversation roster." } }, statusCode: 403);
        if (method == "POST" && FailingConversations.TryGetValue(conv, out var status))
            return Results.Json(status switch
            {
                // msteams-docs, Status code responses.
                404 => new { error = new { code = "ConversationNotFound", message = "Conversation not found." } },
                403 => new { error = new { code = "BotDisabledByAdmin", message = "The tenant admin disabled this bot." } },
                _ => new { error = new { code = "ServiceUnavailable", message = "Service unavailable." } },
            }, statusCode: status);
        foreach (var card in (body["attachments"]?.AsArray() ?? []).Select(a => a?["content"]).OfType<JsonObject>())
            if (TeamsPlans.Bot.Tests.Fidelity.UniversalActionsContract.RefreshViolation(card) is { } violation)
                Violations.Enqueue($"{method} into {conv}: {violation}");
        Posts.Enqueue(new Post(method, conv, id, body, c.Items["utf16"] is int n ? n : 0));
        return Results.Json(new { id = method == "PUT" ? id : $"act-{Interlocked.Increment(ref _ids)}" });
    }

    public async Task StartAsync()
    {
        await _app.StartAsync();
        ServiceUrl = _app.Urls.First().TrimEnd('/') + "/";
    }

    /// <summary>Adaptive cards posted (or updated) into a conversation, oldest first.</summary>
    public List<JsonObject> CardsIn(string conversationId) => Posts
        .Where(p => p.ConversationId == conversationId && p.Method != "CREATE")
        .SelectMany(p => p.Body["attachments"]?.AsArray() ?? [])
        .Where(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
        .Select(a => a!["content"]!.AsObject()).ToList();

    public List<string> TextsIn(string conversationId) => Posts
        .Where(p => p.ConversationId == conversationId && p.Body["text"] is not null)
        .Select(p => p.Body["text"]!.GetValue<string>()).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A user of the test tenant: Entra object id, Teams id (29:...), name, personal conversation id, e-mail.</summary>
public sealed record TestUser(string Aad, string TeamsId, string Name, string Conversation, string Locale = "vi-VN", string? Email = null)
{
    /// <summary>
    /// A user with ids shaped like a tenant's (issue 19: size budgets are measured on realistic ids): the Entra object id a
    /// GUID, the Teams user id "29:1" and 78 base64url characters, the personal chat "a:1" and 92 — each derived from
    /// <paramref name="handle"/>, so they are stable between runs; e-mail handle@bk.edu.vn.
    /// </summary>
    public static TestUser Realistic(string handle, string name, string locale = "vi-VN")
    {
        byte[] Hash(string salt) => [.. System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(salt + handle)),
            .. System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(handle + salt)),
            .. System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(salt + handle + salt))];
        string Url(string salt, int length) => Convert.ToBase64String(Hash(salt)).Replace('+', '-').Replace('/', '_').TrimEnd('=')[..length];
        return new TestUser(new Guid(Hash("aad")[..16]).ToString(), "29:1" + Url("teams", 78), name, "a:1" + Url("chat", 92), locale,
            handle + "@bk.edu.vn");
    }
}

/// <summary>
/// The real bot host (WebApplicationFactory&lt;Program&gt;, local mode: no app id, loopback) on a temp SQLite database and a temp
/// library folder holding seed plan 001, talking to <see cref="FakeTeamsConnector"/>. Time is fixed at 10/04/2023 09:00 (UTC+7).
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string Tenant = "tenant-bk";
    public static readonly TestUser Hung = TestUser.Realistic("hung", "Ngô Tấn Hưng");
    public static readonly TestUser Thanh = TestUser.Realistic("thanh", "Nguyễn Tất Thành");
    public static readonly TestUser Cuc = TestUser.Realistic("cuc", "Hồ Thị Thu Cúc");
    public static readonly TestUser Lan = TestUser.Realistic("lan", "Trần Thị Lan");

    private readonly string _dir;
    private WebApplicationFactory<Program>? _factory;
    private int _activityIds;

    public FakeTeamsConnector Connector { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2023, 4, 10, 2, 0, 0, TimeSpan.Zero));
    public HttpClient Client { get; private set; } = null!;
    public string LibraryDir { get; }
    /// <summary>Reports:PendingFolder: where the bot keeps copies of chat files (delete it to play a host restart on fresh disk).</summary>
    public string PendingFolder => Path.Combine(_dir, "pending");
    public IServiceProvider Services => _factory!.Services;
    public IStateStore Store => Services.GetRequiredService<IStateStore>();

    private BotHarness()
    {
        _dir = Directory.CreateTempSubdirectory("teamsplans-bot-").FullName;
        LibraryDir = Path.Combine(_dir, "library");
        Connector.Clock = Time;
        Directory.CreateDirectory(Path.Combine(LibraryDir, "2023"));
        File.Copy(SeedPath("001"), Path.Combine(LibraryDir, "2023", Path.GetFileName(SeedPath("001"))));
    }

    public static string SeedPath(string prefix)
    {
        var dir = TeamsPlans.Testing.SeedFiles.Directory;
        return Directory.GetFiles(dir, prefix + "_*.txt").Single();
    }

    /// <param name="settings">Extra configuration (Tenants:Allowed, Rollup:Units:..., Reports:MaxFileBytes).</param>
    /// <param name="services">Extra registrations (after the host's own).</param>
    /// <param name="kestrel">Serve on a real loopback port (a browser can open the tab), not only through TestServer.</param>
    public static async Task<BotHarness> StartAsync(IDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null, bool kestrel = false)
    {
        var h = new BotHarness();
        await h.Connector.StartAsync();
        h._factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Bot:MicrosoftAppId", "");
            b.UseSetting("State:Provider", "sqlite");
            b.UseSetting("State:ConnectionString", Path.Combine(h._dir, "state.db"));
            b.UseSetting("Library:Root", h.LibraryDir);
            b.UseSetting("Roles:Principals:0", Hung.Aad);
            // The host's delivery worker and reminder scheduler idle on the fake clock; the harness sends the queue itself
            // after every request (DeliverQueuedAsync), so the tests see the cards as soon as a request has been answered.
            b.UseSetting("Delivery:WorkerEnabled", "false");
            b.UseSetting("Delivery:RemindersEnabled", "false");
            // The harness's clock is a FakeTimeProvider that tests move by months: a local bot's 15 s library poll would fire
            // once per period of the jump inside SetUtcNow. The tests poll explicitly (PollOnceAsync); keep GraphSync's default.
            b.UseSetting("GraphSync:PollInterval", "00:05:00");
            // The fake connector serves report files on 127.0.0.1: local mode lets loopback file hosts in only when told (issue 13).
            b.UseSetting("Reports:Download:AllowLoopback", "true");
            // The harness's users speak through their client's locale (TestUser.Locale, vi-VN unless a test says en-US); the
            // product default (Bot:DefaultLanguage vi-VN, for the Playground's en-US) is tested with this setting removed.
            b.UseSetting("Bot:DefaultLanguage", "auto");
            // Copies of chat files (pending choices, queued uploads) per harness, not shared between tests running in parallel.
            b.UseSetting("Reports:PendingFolder", h.PendingFolder);
            foreach (var (k, v) in settings ?? new Dictionary<string, string>()) b.UseSetting(k, v);
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(h.Time);
                // Teams' rate limits are real-time windows: the limiter spaces sends on the real clock, so the harness's
                // deliveries (DeliverQueuedAsync) never wait on the fake clock that nobody advances.
                s.AddSingleton(sp => new TeamsPlans.Bot.Delivery.DeliveryRateLimiter(
                    sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamsPlans.Bot.Delivery.DeliveryOptions>>(), TimeProvider.System));
                s.AddSingleton<IStartupFilter, LoopbackStartupFilter>();
                services?.Invoke(s);
            });
        });
        if (kestrel)
        {
            h._factory.UseKestrel(0);
            h._factory.StartServer();
        }
        h.Client = h._factory.CreateClient();
        return h;
    }

    public JsonObject Base(TestUser u, string type, string? tenant = null) => new()
    {
        ["type"] = type,
        ["id"] = $"in-{Interlocked.Increment(ref _activityIds)}",
        ["timestamp"] = Time.GetUtcNow().ToString("O"),
        ["serviceUrl"] = Connector.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = u.TeamsId, ["name"] = u.Name, ["aadObjectId"] = u.Aad },
        ["recipient"] = new JsonObject { ["id"] = "28:bot-id", ["name"] = "TeamsPlans" },
        ["conversation"] = new JsonObject { ["id"] = u.Conversation, ["conversationType"] = "personal", ["tenantId"] = tenant ?? Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant ?? Tenant } },
        ["locale"] = u.Locale,
    };

    /// <summary>Personal-scope install: conversationUpdate with the bot in membersAdded; the roster is the user.</summary>
    public async Task InstallAsync(TestUser u, string? tenant = null)
    {
        Connector.NotInstalled.TryRemove(u.Aad, out _);
        Connector.RemovedChats.TryRemove(u.Conversation, out _);
        Connector.Rosters[u.Conversation] = [new JsonObject { ["id"] = u.TeamsId, ["name"] = u.Name, ["aadObjectId"] = u.Aad, ["email"] = u.Email ?? u.Aad[4..] + "@bk.edu.vn" }];
        var a = Base(u, "conversationUpdate", tenant);
        a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot-id" }, new JsonObject { ["id"] = u.TeamsId, ["aadObjectId"] = u.Aad });
        var r = await PostAsync(a);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    /// <summary>The user removes the app (personal scope): installationUpdate "remove"; Teams refuses the bot in that chat
    /// from now on and CreateConversation answers 403 until the user installs again (<see cref="InstallAsync"/>).</summary>
    public async Task UninstallAsync(TestUser u)
    {
        Connector.NotInstalled[u.Aad] = true;
        Connector.RemovedChats[u.Conversation] = true;
        var a = Base(u, "installationUpdate");
        a["action"] = "remove";
        var r = await PostAsync(a);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    public async Task<HttpResponseMessage> SayAsync(TestUser u, string text, string? tenant = null)
    {
        var a = Base(u, "message", tenant);
        a["text"] = text;
        var r = await PostAsync(a);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return r;
    }

    /// <summary>Sends an adaptiveCard/action invoke; returns the HTTP status and the JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> InvokeAsync(TestUser u, string verb, JsonObject data, string? tenant = null, string trigger = "manual")
    {
        var a = Base(u, "invoke", tenant);
        a["name"] = "adaptiveCard/action";
        a["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = trigger,
        };
        var started = Time.GetUtcNow();
        Interlocked.Increment(ref Connector.InvokesInFlight);
        HttpResponseMessage r;
        try { r = await Client.PostAsync("/api/messages", new StringContent(a.ToJsonString(), Encoding.UTF8, "application/json")); }
        finally { Interlocked.Decrement(ref Connector.InvokesInFlight); }
        var took = Time.GetUtcNow() - started;
        var text = await r.Content.ReadAsStringAsync();
        await DeliverQueuedAsync();
        // Teams waits a limited time for the invoke's answer; later, the user sees "Unable to reach app" and the answer is
        // dropped (the card is not updated), whatever the bot did meanwhile.
        if (took > InvokeTimeLimit)
        {
            Interlocked.Increment(ref LateInvokes);
            return (HttpStatusCode.GatewayTimeout, new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = "BotTimeout", ["message"] = $"Unable to reach app. Please try again. (answered after {took.TotalSeconds:0.#} s)" },
            });
        }
        var answer = (JsonObject)JsonNode.Parse(text)!;
        // Teams takes only the documented Universal Actions responses (issue 19): anything else is a broken invoke.
        if (TeamsPlans.Bot.Tests.Fidelity.UniversalActionsContract.InvokeViolation(answer) is { } violation)
            Assert.Fail($"The '{verb}' invoke answered what Teams does not take: {violation}. Body: {text}");
        return (r.StatusCode, answer);
    }

    /// <summary>
    /// How long Teams waits for an invoke's answer, on the harness clock (<see cref="Time"/>). The Bot Connector gives a bot
    /// 15 s to answer an activity before it times out (BotTimeoutException, 504 GatewayTimeout); Teams shows "Unable to reach
    /// app. Please try again." to the user (MicrosoftDocs/msteams-docs issues #6559, #6544). Message-extension submit
    /// invokes get five seconds ("Your app has five seconds to respond to the invoke" —
    /// https://learn.microsoft.com/en-us/microsoftteams/platform/messaging-extensions/how-to/action-commands/respond-to-task-module-submit).
    /// </summary>
    public TimeSpan InvokeTimeLimit { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Invokes answered after <see cref="InvokeTimeLimit"/> (the user saw "Unable to reach app").</summary>
    public int LateInvokes;

    /// <summary>The Action.Submit fallback: a message whose value is the submit data (with verb).</summary>
    public async Task SubmitAsync(TestUser u, JsonObject value, string? replyToId = null, string? tenant = null)
    {
        var a = Base(u, "message", tenant);
        a["value"] = value.DeepClone();
        if (replyToId is not null) a["replyToId"] = replyToId;
        var r = await PostAsync(a);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    /// <summary>A personal-chat message carrying a file: Teams download info (downloadUrl) or a plain attachment (contentUrl).</summary>
    public async Task SendFileAsync(TestUser u, string fileName, string url, bool teamsDownloadInfo = true, string? tenant = null)
    {
        var a = Base(u, "message", tenant);
        a["text"] = "";
        a["attachments"] = new JsonArray(teamsDownloadInfo
            ? new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info", ["name"] = fileName, ["contentUrl"] = "https://contoso.sharepoint.com/personal/x/" + fileName,
                ["content"] = new JsonObject { ["downloadUrl"] = url, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = Path.GetExtension(fileName).TrimStart('.') },
            }
            : new JsonObject { ["contentType"] = "application/pdf", ["name"] = fileName, ["contentUrl"] = url });
        var r = await PostAsync(a);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    /// <summary>Posts an activity to /api/messages, then sends what it queued for delivery (as the worker would).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var r = await Client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        await DeliverQueuedAsync();
        return r;
    }

    /// <summary>
    /// Sends the delivery queue through the host's own DeliveryProcessor (rate limiter, idempotency,
    /// card recording), claiming like a worker does; returns how many items were processed.
    /// </summary>
    public async Task<int> DeliverQueuedAsync()
    {
        var processor = Services.GetRequiredService<TeamsPlans.Bot.Delivery.DeliveryProcessor>();
        var total = 0;
        for (var round = 0; round < 20; round++)
        {
            var items = await Store.Queue.ClaimAsync(TeamsPlans.Bot.Delivery.DeliveryOptions.QueueName, "harness-worker", 100, TimeSpan.FromMinutes(5));
            if (items.Count == 0) break;
            foreach (var item in items) await processor.ProcessAsync(item, "harness-worker", CancellationToken.None);
            total += items.Count;
        }
        return total;
    }

    public async ValueTask DisposeAsync()
    {
        var violations = Connector.Violations.ToList();
        Client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await Connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        Assert.True(violations.Count == 0, "What Teams would not take (or an invoke must not do): " + string.Join("; ", violations));
    }

    /// <summary>TestServer gives no remote address; local mode accepts loopback callers only, so the tests' requests come from 127.0.0.1.</summary>
    private sealed class LoopbackStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nxt) => { ctx.Connection.RemoteIpAddress ??= IPAddress.Loopback; return nxt(ctx); });
            next(app);
        };
    }
}
