using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Storage;
using TeamsPlans.Testing;

/// <summary>
/// `bench delivery [--members 1000,10000] [--first 1000] [--provider sqlite|postgres] [--p429 0.005] [--scale 1]`: publishes one plan to N
/// members through the real delivery pipeline (AddTeamsPlansDelivery: durable queue, worker, shared rate limiter) against a
/// local connector HTTP server that enforces Teams' limits (50 requests/s per app per tenant; per conversation 7/1 s,
/// 8/2 s, 60/30 s, 1800/1 h; excess → 429 with Retry-After) and injects random 429s. Prints, per N: cards delivered per
/// second, the ratio to the 50 requests-per-second ceiling, duplicates, lost, 429s and peak memory.
/// --first M (default 1000, 0 = skip) adds a first delivery to M members with no stored conversation: each card needs a
/// CreateConversation and a send, both counted against the limits, so the figure to read is requests per second.
/// --scale S runs both clocks S times faster than real time (figures are then per scaled second); 1 = real time.
/// </summary>
internal static class DeliveryBench
{
    private const int TeamsTenantCeiling = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var members = new List<int> { 1000, 10000 };
        var provider = DeliveryFixture.Sqlite;
        var p429 = 0.005;
        var scale = 1.0;
        var first = 1000;
        var warmup = 100;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Thiếu giá trị cho {args[i]} / {args[i]} needs a value");
            switch (args[i])
            {
                case "--members":
                    members = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                case "--provider": provider = Next(); break;
                case "--p429": p429 = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--scale": scale = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--first": first = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"Tham số không hợp lệ / unknown option: {args[i]}");
                    Console.Error.WriteLine("usage: bench delivery [--members 1000,10000] [--first 1000] [--warmup 100] [--provider sqlite|postgres] [--p429 0.005] [--scale 1]");
                    return 2;
            }
        }
        if (members.Count == 0 || members.Any(m => m < 1) || first < 0 || warmup < 0 || p429 is < 0 or >= 1 || scale <= 0)
        {
            Console.Error.WriteLine("--members > 0, --first ≥ 0, --warmup ≥ 0, 0 ≤ --p429 < 1, --scale > 0");
            return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delivery bench: provider {provider}, clock scale {scale}, random 429 p={p429}, server limits {TeamsTenantCeiling} req/s per tenant, 7/1s 8/2s 60/30s 1800/1h per conversation, client margin {new DeliveryOptions().WindowSafetyMargin.TotalMilliseconds} ms, {Environment.ProcessorCount} cores"));
        var bad = 0;
        // A bot host runs for days: the first fan-out after a process start also pays for JIT compilation of the whole
        // pipeline (≈ 1 s on this machine). A small delivery run first, printed as such, so the measured runs show the pace.
        if (warmup > 0)
        {
            Console.WriteLine($"warm-up run ({warmup} members, a process that has delivered before):");
            bad += await RunOneAsync(warmup, provider, p429, scale, conversations: true).ConfigureAwait(false);
        }
        foreach (var n in members)
            bad += await RunOneAsync(n, provider, p429, scale, conversations: true).ConfigureAwait(false);
        if (first > 0)
            bad += await RunOneAsync(first, provider, p429, scale, conversations: false).ConfigureAwait(false);
        return bad == 0 ? 0 : 1;
    }

    private static async Task<int> RunOneAsync(int n, string provider, double p429, double scale, bool conversations)
    {
        TimeProvider time = scale == 1.0 ? TimeProvider.System : new ScaledTimeProvider(scale);
        var serverOptions = new FakeConnectorOptions
        {
            TenantRequestsPerSecond = TeamsTenantCeiling, Random429Probability = p429, RandomRetryAfter = TimeSpan.FromSeconds(1),
            Time = time, KeepBodies = false, Seed = n,
        };
        await using var f = await DeliveryFixture.CreateAsync(serverOptions, provider).ConfigureAwait(false);
        var seedClock = Stopwatch.StartNew();
        await f.SeedAsync(n, conversations).ConfigureAwait(false);
        var seedSeconds = seedClock.Elapsed.TotalSeconds;

        using var host = f.BuildHost(new Dictionary<string, string?>
        {
            // Teams' published limits and the product's default safety margin and ramp (Delivery defaults), production-like settings.
            ["Delivery:TenantRequestsPerSecond"] = TeamsTenantCeiling.ToString(CultureInfo.InvariantCulture),
            ["Delivery:WindowSafetyMargin"] = new DeliveryOptions().WindowSafetyMargin.ToString("c", CultureInfo.InvariantCulture),
            ["Delivery:Lease"] = "00:01:00",
            ["Delivery:IdleDelay"] = "00:00:00.200",
            ["Delivery:RetryBaseDelay"] = "00:00:01",
            ["Delivery:RetryMaxDelay"] = "00:00:30",
            ["Delivery:Workers"] = "2",
            ["Delivery:BatchSize"] = "64",
            ["Delivery:Concurrency"] = "32",
        }, time);

        var enqueueClock = Stopwatch.StartNew();
        var published = await host.Services.GetRequiredService<IAssignmentPublisher>().PublishAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default).ConfigureAwait(false);
        var enqueueSeconds = enqueueClock.Elapsed.TotalSeconds;

        using var sampler = new MemorySampler();
        var start = time.GetTimestamp();
        var startUtc = time.GetUtcNow().UtcTicks;
        await host.StartAsync().ConfigureAwait(false);
        var pollEvery = TimeSpan.FromMilliseconds(50);
        IReadOnlyDictionary<WorkState, int> counts;
        var stalled = 0;
        var lastDone = -1;
        while (true)
        {
            counts = await f.CountsAsync().ConfigureAwait(false);
            var settled = counts[WorkState.Done] + counts[WorkState.Failed] + counts[WorkState.Blocked];
            if (settled >= published.Queued) break;
            // Give up (and report what is missing as lost) only if nothing moves for 2 minutes. Polled every 50 ms: the
            // poll's granularity is part of the end-to-end time.
            stalled = settled == lastDone ? stalled + 1 : 0;
            lastDone = settled;
            if (stalled * pollEvery > TimeSpan.FromMinutes(2)) break;
            await Task.Delay(pollEvery).ConfigureAwait(false);
        }
        var elapsed = time.GetElapsedTime(start);
        var endUtc = time.GetUtcNow().UtcTicks;
        await host.StopAsync().ConfigureAwait(false);
        sampler.Stop();

        var server = f.Server;
        var posts = server.Posts.ToArray();
        var duplicates = server.PostsPerConversation.Values.Sum(v => Math.Max(0, v - 1));
        var delivered = server.PostsPerConversation.Count;
        var lost = f.Members.Count(m => !server.PostsPerConversation.ContainsKey(FakeConnectorServer.ConversationIdFor(m)));
        var ticks = posts.Select(p => p.AtTicks).Order().ToArray();
        var window = ticks.Length > 1 ? TimeSpan.FromTicks(ticks[^1] - ticks[0]) : TimeSpan.Zero;
        var cardsPerSecond = delivered / elapsed.TotalSeconds;
        var steady = window > TimeSpan.Zero ? (ticks.Length - 1) / window.TotalSeconds : 0;
        var requestsPerSecond = server.Requests / elapsed.TotalSeconds;
        var unit = scale == 1.0 ? "s" : "scaled s";
        // Where the time goes: before the first post (host start, first claim, JIT, connection), the first second of posts
        // (ramp), the steady pace (the window margin), after the last post (the tail: held 429s, polling).
        var startup = ticks.Length > 0 ? TimeSpan.FromTicks(ticks[0] - startUtc).TotalSeconds : 0;
        var firstSecond = ticks.Count(t => t - ticks[0] < TimeSpan.TicksPerSecond);
        var tail = ticks.Length > 0 ? TimeSpan.FromTicks(endUtc - ticks[^1]).TotalSeconds : 0;
        var margin = new DeliveryOptions().WindowSafetyMargin.TotalSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            members {n}{(conversations ? "" : $" FIRST DELIVERY (no stored conversation: {server.ConversationsCreated} CreateConversation + the sends)")}: seeded in {seedSeconds:F1} s (real), {published.Queued} cards queued in {enqueueSeconds:F1} s (real)
              delivered            {delivered} cards in {elapsed.TotalSeconds:F1} {unit} (queue: done {counts[WorkState.Done]}, failed {counts[WorkState.Failed]}, blocked {counts[WorkState.Blocked]}, queued {counts[WorkState.Queued]}, in flight {counts[WorkState.InFlight]})
              cards/s              {cardsPerSecond:F1} end to end, {steady:F1} first→last post
              ratio to 50 rps      {cardsPerSecond / TeamsTenantCeiling:P1} end to end, {steady / TeamsTenantCeiling:P1} first→last post (all requests incl. 429s: {requestsPerSecond:F1}/s)
              requests admitted    {server.Requests - server.Throttled} in {elapsed.TotalSeconds:F1} {unit} = {(server.Requests - server.Throttled) / elapsed.TotalSeconds:F1}/s, ratio to 50 rps {(server.Requests - server.Throttled) / elapsed.TotalSeconds / TeamsTenantCeiling:P1}
              time spent           {startup:F2} {unit} before the first post, {firstSecond} posts in its first second (ramp), {window.TotalSeconds:F1} {unit} first→last post (at 50/(1 s + margin) it would take {(ticks.Length - 1) * (1 + margin) / TeamsTenantCeiling:F1}), {tail:F2} {unit} after the last post; ideal {n / (double)TeamsTenantCeiling:F1} {unit}
              duplicates           {duplicates}
              lost                 {lost}
              429 answers          {server.Throttled} ({server.LimitViolations} for exceeding a window, {server.Throttled - server.LimitViolations} injected at random); peak server-side {server.PeakTenantRequestsPerSecond} req in 1 s
              peak memory          working set {sampler.PeakWorkingSet / 1048576.0:F0} MB, managed heap {sampler.PeakManagedHeap / 1048576.0:F0} MB (bot, store client and fake connector in one process)
            """));
        return duplicates == 0 && lost == 0 ? 0 : 1;
    }

    /// <summary>Samples the process working set and managed heap every 100 ms (real time) and keeps the peaks.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public MemorySampler()
        {
            GC.Collect();
            _loop = Task.Run(async () =>
            {
                using var process = Process.GetCurrentProcess();
                while (!_stop.IsCancellationRequested)
                {
                    Sample(process);
                    try { await Task.Delay(100, _stop.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
                }
                Sample(process);
            });
        }

        public long PeakWorkingSet { get; private set; }
        public long PeakManagedHeap { get; private set; }

        private void Sample(Process process)
        {
            process.Refresh();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(false));
        }

        public void Stop()
        {
            _stop.Cancel();
            _loop.GetAwaiter().GetResult();
        }

        public void Dispose()
        {
            if (!_stop.IsCancellationRequested) Stop();
            _stop.Dispose();
        }
    }
}
