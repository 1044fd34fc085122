using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Downloads;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Security;

/// <summary>A loopback web server for the attack: serves /files/{name}, redirects from /go?to=..., counts every request.</summary>
public sealed class AttackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public AttackFileServer()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        _app = b.Build();
        _app.Use(async (ctx, next) => { Hits.Enqueue(ctx.Request.Path + ctx.Request.QueryString); await next(ctx); });
        _app.MapGet("/files/{name}", (string name) => Files.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/pdf") : Results.NotFound());
        _app.MapGet("/go", (string to) => Results.Redirect(to));
        _app.MapGet("/healthz", () => Results.Text("{\"status\":\"Healthy\",\"mode\":\"local\"}", "application/json"));
        _app.MapGet("/stream", async (HttpContext ctx) =>
        {
            // No Content-Length: the size limit must hold while reading.
            var chunk = new byte[4096];
            for (var i = 0; i < 64; i++) await ctx.Response.Body.WriteAsync(chunk);
        });
    }

    public ConcurrentQueue<string> Hits { get; } = new();
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public int Port => new Uri(BaseUrl).Port;

    public async Task StartAsync()
    {
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/') + "/";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Resolves chosen names to chosen addresses (a DNS answer the attacker controls).</summary>
internal sealed class FakeResolver(Dictionary<string, IPAddress[]> answers) : IDownloadResolver
{
    public ConcurrentQueue<string> Asked { get; } = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        Asked.Enqueue(host);
        return Task.FromResult(answers.TryGetValue(host, out var a) ? a : []);
    }
}

/// <summary>
/// Issue 13 item 3 through POST /api/messages: a member sends a "file" whose link points at the bot's own host, the cloud
/// metadata address, a name resolving to a private address, or a redirect to one; nothing is fetched or stored.
/// </summary>
public sealed class ReportDownloadAttackTests
{
    private static readonly FakeResolver Resolver = new(new Dictionary<string, IPAddress[]>
    {
        ["intranet.sharepoint.com"] = [IPAddress.Parse("10.0.0.7")],
        ["metadata.sharepoint.com"] = [IPAddress.Parse("169.254.169.254")],
        ["rebind.sharepoint.com"] = [IPAddress.Parse("52.108.1.1"), IPAddress.Parse("127.0.0.1")],
        ["mapped.sharepoint.com"] = [IPAddress.Parse("::ffff:192.168.1.10")],
        ["loop.sharepoint.com"] = [IPAddress.Loopback],
    });

    private static async Task<BotHarness> StartAsync(bool allowLoopback, string? maxBytes = null)
    {
        var settings = new Dictionary<string, string> { ["Reports:Download:AllowLoopback"] = allowLoopback ? "true" : "false" };
        if (maxBytes is not null) settings["Reports:MaxFileBytes"] = maxBytes;
        var h = await BotHarness.StartAsync(settings, s => s.AddSingleton<IDownloadResolver>(Resolver));
        await PublishAsync(h);
        var show = Objects(AssignmentCardOf(h, Cuc)).Single(o => o["type"]?.GetValue<string>() == "Action.ShowCard" && o["title"]?.GetValue<string>() == "Nộp báo cáo");
        var data = ActionData(show["card"]!.AsObject(), "report");
        var choice = Objects(show).SingleOrDefault(o => o["id"]?.GetValue<string>() == CardVerbs.ReportPeriodInput && o["type"]?.GetValue<string>() == "Input.ChoiceSet");
        data[CardVerbs.ReportPeriodInput] = choice is not null ? choice["value"]!.GetValue<string>() : data[CardVerbs.ReportPeriodInput]!.GetValue<string>();
        data[CardVerbs.ReportLinkInput] = "https://contoso.sharepoint.com/sites/bk/bc";
        Assert.Equal(200, (await h.InvokeAsync(Cuc, "report", data)).Body["statusCode"]!.GetValue<int>()); // the next file goes to this period
        return h;
    }

    private static async Task<int> ReportCount(BotHarness h) => (await h.Store.Reports.ListByAssignmentAsync(Tenant, Plan82 + "-a3")).Count;

    private static void AssertRefusedReply(BotHarness h, string fileName) =>
        Assert.Contains(h.Connector.TextsIn(Cuc.Conversation), t => t.Contains($"Không tải được tệp \"{fileName}\"", StringComparison.Ordinal)
            && t.Contains("cannot be downloaded", StringComparison.Ordinal));

    [Fact]
    public async Task A_link_to_the_bots_own_loopback_host_is_refused_and_nothing_is_fetched_or_stored()
    {
        await using var server = new AttackFileServer();
        await server.StartAsync();
        await using var h = await StartAsync(allowLoopback: false);
        var before = await ReportCount(h);

        await h.SendFileAsync(Cuc, "healthz.pdf", server.BaseUrl + "healthz");
        await h.SendFileAsync(Cuc, "localhost.pdf", $"https://localhost:{server.Port}/healthz");
        await h.SendFileAsync(Cuc, "v6.pdf", $"http://[::1]:{server.Port}/healthz", teamsDownloadInfo: false);

        Assert.Empty(server.Hits);
        Assert.Equal(before, await ReportCount(h));
        AssertRefusedReply(h, "healthz.pdf");
        AssertRefusedReply(h, "localhost.pdf");
        AssertRefusedReply(h, "v6.pdf");
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.1.2.3/x.pdf")]
    [InlineData("https://[fd00::1]/x.pdf")]
    [InlineData("https://evil.example.com/x.pdf")]
    [InlineData("https://contoso.sharepoint.com.evil.example.com/x.pdf")]
    [InlineData("http://contoso.sharepoint.com/x.pdf")]
    [InlineData("https://user:pw@contoso.sharepoint.com/x.pdf")]
    public async Task Links_outside_the_Teams_file_hosts_are_refused_even_with_loopback_allowed(string url)
    {
        await using var h = await StartAsync(allowLoopback: true);
        var before = await ReportCount(h);
        await h.SendFileAsync(Cuc, "r.pdf", url);
        Assert.Equal(before, await ReportCount(h));
        AssertRefusedReply(h, "r.pdf");
    }

    [Theory]
    [InlineData("intranet.sharepoint.com")]
    [InlineData("metadata.sharepoint.com")]
    [InlineData("rebind.sharepoint.com")]
    [InlineData("mapped.sharepoint.com")]
    [InlineData("loop.sharepoint.com")]
    public async Task An_allowed_name_that_resolves_to_a_private_address_is_refused_at_connect(string host)
    {
        await using var h = await StartAsync(allowLoopback: true);  // even a loopback answer: only loopback LITERALS are the tests' host
        var before = await ReportCount(h);
        await h.SendFileAsync(Cuc, "r.pdf", $"https://{host}/personal/x/r.pdf");
        Assert.Contains(host, Resolver.Asked);
        Assert.Equal(before, await ReportCount(h));
        AssertRefusedReply(h, "r.pdf");
    }

    [Fact]
    public async Task Redirects_are_followed_only_to_allowed_targets()
    {
        await using var server = new AttackFileServer();
        await server.StartAsync();
        server.Files["ok.pdf"] = Encoding.UTF8.GetBytes("%PDF-1.4 báo cáo");
        await using var h = await StartAsync(allowLoopback: true);
        var before = await ReportCount(h);

        // To the metadata address, to an outside host, to a name resolving to a private address: refused, not fetched.
        foreach (var target in new[] { "http://169.254.169.254/latest/meta-data/", "https://evil.example.com/x", "https://intranet.sharepoint.com/x" })
        {
            await h.SendFileAsync(Cuc, "redir.pdf", server.BaseUrl + "go?to=" + Uri.EscapeDataString(target));
            AssertRefusedReply(h, "redir.pdf");
        }
        Assert.Equal(before, await ReportCount(h));
        Assert.All(server.Hits, hit => Assert.StartsWith("/go", hit, StringComparison.Ordinal));

        // A redirect loop ends.
        await h.SendFileAsync(Cuc, "loop.pdf", server.BaseUrl + "go?to=" + Uri.EscapeDataString(server.BaseUrl + "go?to=" + Uri.EscapeDataString(server.BaseUrl + "go?to=" + Uri.EscapeDataString(server.BaseUrl + "go?to=" + Uri.EscapeDataString(server.BaseUrl + "go?to=/files/ok.pdf")))));
        AssertRefusedReply(h, "loop.pdf");
        Assert.Equal(before, await ReportCount(h));

        // To an allowed target (the same test host): followed and stored.
        await h.SendFileAsync(Cuc, "ok.pdf", server.BaseUrl + "go?to=" + Uri.EscapeDataString(server.BaseUrl + "files/ok.pdf"));
        Assert.Equal(before + 1, await ReportCount(h));
        Assert.Contains("/files/ok.pdf", server.Hits);
    }

    [Fact]
    public async Task A_body_without_length_over_the_size_limit_is_refused()
    {
        await using var server = new AttackFileServer();
        await server.StartAsync();
        await using var h = await StartAsync(allowLoopback: true, maxBytes: "100000");
        var before = await ReportCount(h);
        await h.SendFileAsync(Cuc, "stream.pdf", server.BaseUrl + "stream");
        Assert.Contains(h.Connector.TextsIn(Cuc.Conversation), t => t.Contains("\"stream.pdf\" quá lớn", StringComparison.Ordinal) && t.Contains("too big", StringComparison.Ordinal));
        Assert.Equal(before, await ReportCount(h));
    }

    [Fact]
    public void Outside_local_mode_the_loopback_switch_is_ignored()
    {
        var d = new ReportDownloader(new NoHttp(), Microsoft.Extensions.Options.Options.Create(new DownloadOptions { AllowLoopback = true }),
            Microsoft.Extensions.Options.Options.Create(new TeamsPlans.Bot.Protocol.BotOptions { MicrosoftAppId = "app" }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ReportDownloader>.Instance);
        Assert.False(d.AllowsLoopback);
        Assert.NotNull(d.Explain(new Uri("http://127.0.0.1:5000/files/a.pdf")));
        Assert.Null(d.Explain(new Uri("https://contoso-my.sharepoint.com/personal/a/download.aspx?x=1")));
        Assert.Null(d.Explain(new Uri("https://us-api.asm.skype.com/v1/objects/0-x/views/original")));
    }

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException();
    }
}

public sealed class AddressRulesTests
{
    [Theory]
    [InlineData("127.0.0.1")] [InlineData("127.5.5.5")] [InlineData("::1")] [InlineData("0.0.0.0")] [InlineData("::")]
    [InlineData("10.0.0.1")] [InlineData("172.16.0.1")] [InlineData("172.31.255.255")] [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")] [InlineData("fe80::1")] [InlineData("fd00::1")] [InlineData("fc00::1")]
    [InlineData("100.64.0.1")] [InlineData("224.0.0.1")] [InlineData("239.255.255.250")] [InlineData("255.255.255.255")] [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")] [InlineData("::ffff:169.254.169.254")] [InlineData("::127.0.0.1")] [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("64:ff9b::a00:1")] [InlineData("2001:db8::1")] [InlineData("192.0.2.1")] [InlineData("198.18.0.1")]
    public void Non_public_addresses_are_blocked(string ip) => Assert.True(AddressRules.IsBlocked(IPAddress.Parse(ip)), ip);

    [Theory]
    [InlineData("52.108.1.1")] [InlineData("13.107.136.9")] [InlineData("172.32.0.1")] [InlineData("2603:1036:2400::1")] [InlineData("::ffff:52.108.1.1")]
    public void Public_addresses_are_not(string ip) => Assert.False(AddressRules.IsBlocked(IPAddress.Parse(ip)), ip);
}
