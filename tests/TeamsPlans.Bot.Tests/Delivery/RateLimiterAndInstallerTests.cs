using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using TeamsPlans.Bot.Delivery;

namespace TeamsPlans.Bot.Tests.Delivery;

public class DeliveryRateLimiterTests
{
    private static DeliveryRateLimiter Create(FakeTimeProvider time, int rps = 50, params string[] conversationLimits) =>
        new(Options.Create(new DeliveryOptions
        {
            TenantRequestsPerSecond = rps, WindowSafetyMargin = TimeSpan.Zero, RampUp = TimeSpan.Zero,
            ConversationLimits = conversationLimits.Length == 0 ? ["7/1", "8/2", "60/30", "1800/3600"] : [.. conversationLimits],
        }), time);

    /// <summary>
    /// Acquires <paramref name="n"/> times in a row and returns each grant's slot (relative to the start). The fake clock is
    /// advanced in small steps until the grant completes; the slot returned by the limiter is what is compared (the instant the
    /// test loop notices completion may lag behind it), and the grant must never complete before its slot.
    /// </summary>
    private static async Task<List<TimeSpan>> AcquireManyAsync(FakeTimeProvider time, DeliveryRateLimiter limiter, string tenant, string? conv, int n)
    {
        var start = time.GetUtcNow();
        var granted = new List<TimeSpan>();
        for (var i = 0; i < n; i++)
        {
            var t = limiter.AcquireAsync(tenant, conv, CancellationToken.None).AsTask();
            while (!t.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
                await Task.Yield();
            }
            var slot = await t;
            Assert.True(time.GetUtcNow() >= slot, $"grant {i} completed at {time.GetUtcNow():O}, before its slot {slot:O}");
            granted.Add(slot - start);
        }
        return granted;
    }

    [Fact]
    public async Task One_conversation_gets_7_in_the_first_second_and_8_in_two_seconds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero));
        var limiter = Create(time, 1000);
        var g = await AcquireManyAsync(time, limiter, "t", "conv-1", 10);
        Assert.Equal(7, g.Count(x => x < TimeSpan.FromSeconds(1)));
        Assert.Equal(8, g.Count(x => x < TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(1), g[7]); // the 8th waits for the 1 s window to move
        Assert.True(g[8] >= TimeSpan.FromSeconds(2)); // the 9th waits for the 2 s window to move
        // Another conversation is not held back by this one.
        Assert.True(limiter.AcquireAsync("t", "conv-2", CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task The_tenant_ceiling_holds_across_conversations()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero));
        var limiter = Create(time, 50);
        var start = time.GetUtcNow();
        var tasks = Enumerable.Range(0, 120).Select(i => limiter.AcquireAsync("t", "c" + i, CancellationToken.None).AsTask()).ToList();
        while (tasks.Any(t => !t.IsCompleted))
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Yield();
        }
        var done = new List<TimeSpan>();
        foreach (var t in tasks) done.Add(await t - start);
        // In any 1 s window at most 50.
        foreach (var d in done) Assert.True(done.Count(x => x >= d && x < d + TimeSpan.FromSeconds(1)) <= 50);
        Assert.Equal(50, done.Count(x => x < TimeSpan.FromSeconds(1)));
        Assert.Equal(100, done.Count(x => x < TimeSpan.FromSeconds(2)));
        // Another tenant is not held back.
        var other = limiter.AcquireAsync("t2", "c0", CancellationToken.None);
        Assert.True(other.IsCompleted);
    }

    [Fact]
    public async Task A_pause_after_429_holds_every_request_of_the_tenant_until_Retry_After()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero));
        var limiter = Create(time, 50);
        await limiter.AcquireAsync("t", "a", CancellationToken.None);
        limiter.PauseTenant("t", time.GetUtcNow() + TimeSpan.FromSeconds(3));
        limiter.PauseTenant("t", time.GetUtcNow() + TimeSpan.FromSeconds(1)); // never shortened
        var waiting = Enumerable.Range(0, 5).Select(i => limiter.AcquireAsync("t", "c" + i, CancellationToken.None).AsTask()).ToList();
        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.All(waiting, t => Assert.False(t.IsCompleted));
        Assert.True(limiter.AcquireAsync("other-tenant", "a", CancellationToken.None).IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(200));
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Null(limiter.PausedUntil("t"));
    }

    [Fact]
    public void Bad_limits_are_rejected_with_a_clear_message()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Create(new FakeTimeProvider(), 50, "seven per second"));
        Assert.Contains("count/seconds", e.Message);
    }
}

public class GraphAppInstallerTests
{
    private sealed class Handler(HttpStatusCode status) : HttpMessageHandler
    {
        public List<(HttpMethod Method, string Url, string Body)> Requests { get; } = [];
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Requests.Add((request.Method, request.RequestUri!.ToString(), request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct)));
            var body = status == HttpStatusCode.Conflict
                ? """{"error":{"code":"Conflict","message":"App is already installed."}}"""
                : """{"id":"installation-1"}""";
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }

    private static GraphServiceClient Graph(Handler h) =>
        new(new HttpClient(h), new AnonymousAuthenticationProvider(), "https://graph.microsoft.com/v1.0");

    [Fact]
    public async Task Installs_the_catalog_app_in_the_users_personal_scope()
    {
        var h = new Handler(HttpStatusCode.Created);
        await new GraphAppInstaller(Graph(h), NullLogger<GraphAppInstaller>.Instance).InstallForUserAsync("t", "user-1", "app-42", default);
        var r = Assert.Single(h.Requests);
        Assert.Equal(HttpMethod.Post, r.Method);
        Assert.Equal("https://graph.microsoft.com/v1.0/users/user-1/teamwork/installedApps", r.Url);
        Assert.Contains("\"teamsApp@odata.bind\":\"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/app-42\"", r.Body);
    }

    [Fact]
    public async Task Already_installed_is_success()
    {
        var h = new Handler(HttpStatusCode.Conflict);
        await new GraphAppInstaller(Graph(h), NullLogger<GraphAppInstaller>.Instance).InstallForUserAsync("t", "user-1", "app-42", default);
        Assert.Single(h.Requests);
    }

    [Fact]
    public async Task Other_Graph_errors_surface()
    {
        var h = new Handler(HttpStatusCode.Forbidden);
        await Assert.ThrowsAnyAsync<Exception>(() =>
            new GraphAppInstaller(Graph(h), NullLogger<GraphAppInstaller>.Instance).InstallForUserAsync("t", "user-1", "app-42", default));
    }
}
